import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/checkin';

crashMatrix('checkin', scenarios);
