import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/audit';

crashMatrix('audit', scenarios);
