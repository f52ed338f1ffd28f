import { crashMatrix } from '../../support/crash-matrix';
import { scenarios } from './scenarios/notices';

// Every writing action and timer of the notices function, crashed and failed after each of its write points, then
// retried and settled: the final state must equal a clean run's (docs/crash-safety.md).
crashMatrix('notices', scenarios);
