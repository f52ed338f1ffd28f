import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/reports';

crashMatrix('reports', scenarios);
