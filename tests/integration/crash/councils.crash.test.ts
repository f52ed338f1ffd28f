import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/councils';

crashMatrix('councils', scenarios);
