import { crashMatrix } from '../../support/crash-matrix';
import { shopScenarios } from './scenarios/shop';

crashMatrix('shop', shopScenarios);
