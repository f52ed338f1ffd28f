import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/media';

crashMatrix('media', scenarios);
