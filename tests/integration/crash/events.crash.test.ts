import { crashMatrix } from '../../support/crash-matrix';
import { eventsScenarios } from './scenarios/events';

crashMatrix('events', eventsScenarios);
