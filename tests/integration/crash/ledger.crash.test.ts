import { crashMatrix } from '../../support/crash-matrix';
import { ledgerScenarios } from './scenarios/ledger';

crashMatrix('ledger', ledgerScenarios);
