import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/shop';

crashMatrix('shop', scenarios);
