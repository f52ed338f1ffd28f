import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/honours';

crashMatrix('honours', scenarios);
