import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/cabin';

crashMatrix('cabin', scenarios);
