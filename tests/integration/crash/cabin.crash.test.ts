import { crashMatrix } from '../../support/crash-matrix';
import { cabinScenarios } from './scenarios/cabin';

crashMatrix('cabin', cabinScenarios);
