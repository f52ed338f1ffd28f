import { crashMatrix } from '../../support/crash-matrix';
import { honoursScenarios } from './scenarios/honours';

crashMatrix('honours', honoursScenarios);
