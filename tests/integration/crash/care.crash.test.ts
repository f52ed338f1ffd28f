import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/care';

crashMatrix('care', scenarios);
