import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/ledger';

crashMatrix('ledger', scenarios);
