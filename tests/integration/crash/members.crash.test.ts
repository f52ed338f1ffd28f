import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/members';

crashMatrix('members', scenarios);
