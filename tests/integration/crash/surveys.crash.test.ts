import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/surveys';

crashMatrix('surveys', scenarios);
