import { surveysActions } from '../../src/shared/actions/surveys';
import { deliverDue } from '../_core/message-outbox';
import { createFunction } from '../_core/router';
import { closeDue } from './close.timer';
import * as surveys from './surveys.service';

/**
 * The `surveys` cloud function (问卷与投票): the committee, a council's chair or a grid leader asks an audience;
 * each resident answers once; results come from tally shards kept with the answers.
 */
export const main = createFunction('surveys', surveysActions, {
  create: surveys.create,
  update: surveys.update,
  publish: surveys.publish,
  close: surveys.close,
  list: surveys.list,
  get: surveys.get,
  answer: surveys.answer,
  results: surveys.results,
  named: surveys.named,
  exportCsv: surveys.exportCsv,
}, {
  // Closes surveys at their close time and tells their creators (close.timer.ts).
  'survey-close': closeDue,
  // Subscribe messages left behind by a crashed run, and retries (_core/message-outbox.ts).
  'message-outbox': (now) => deliverDue('surveys', now),
});
