import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/events';

crashMatrix('events', scenarios);
