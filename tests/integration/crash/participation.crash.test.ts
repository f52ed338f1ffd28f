import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/participation';

crashMatrix('participation', scenarios);
