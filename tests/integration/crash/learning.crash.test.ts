import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/learning';

crashMatrix('learning', scenarios);
