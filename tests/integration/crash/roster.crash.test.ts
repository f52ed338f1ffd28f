import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/roster';

crashMatrix('roster', scenarios);
