import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/grids';

crashMatrix('grids', scenarios);
