import { noticesActions } from '../../src/shared/actions/notices';
import { deliverDue } from '../_core/message-outbox';
import { createFunction } from '../_core/router';
import * as answers from './answers.service';
import * as groups from './groups.service';
import * as notices from './notices.service';
import { publishDue } from './publishing';
import * as receipts from './receipts.service';
import * as remind from './remind.service';
import * as robots from './robots.service';

/**
 * The `notices` cloud function: notices to parts of a 居民区, read receipts per bound WeChat group and per
 * resident, reminders, and WeCom group robots fed through a rate-limited queue.
 */
export const main = createFunction(
  'notices',
  noticesActions,
  {
    targets: notices.targets,
    list: notices.list,
    managed: notices.managed,
    open: notices.open,
    confirm: answers.confirm,
    reply: answers.reply,
    create: notices.create,
    update: notices.update,
    remove: notices.remove,
    receipts: receipts.receipts,
    remind: remind.remind,
    groups: groups.list,
    whichGroup: groups.which,
    bindGroup: groups.bind,
    renameGroup: groups.rename,
    unbindGroup: groups.unbind,
    robots: robots.list,
    setRobot: robots.set,
    removeRobot: robots.remove,
  },
  // Publishes scheduled notices that are due and drains the WeCom robot queue (both bounded per run).
  {
    'every-minute': publishDue,
    // Subscribe messages left behind by a crashed call, and retries (_core/message-outbox.ts).
    'message-outbox': (now) => deliverDue('notices', now),
  },
);
