import { crashMatrix } from '../../support/crash-matrix';
import { checkinScenarios } from './scenarios/checkin';

crashMatrix('checkin', checkinScenarios);
