import { AppError } from '../_core/errors';
import { parseMediaCheckPush, receiveVerdict, resubmitStaleChecks } from '../_core/media-check';
import { createFunction } from '../_core/router';

/**
 * The `media` cloud function: WeChat pushes each image check's verdict here (云开发控制台 -> 消息推送, event
 * `wxa_media_check`). It has no actions a client may call. Its timer (config.json, every 10 minutes) hands checks
 * that waited too long for a verdict to the platform again, and gives up on an image after a few tries (the rule is
 * on resubmitStaleChecks in _core/media-check.ts).
 */
export const main = createFunction(
  'media',
  {},
  {},
  {
    'every-10-minutes': resubmitStaleChecks,
  },
  {
    async wxa_media_check(message, now) {
      const push = parseMediaCheckPush(message);
      if (!push) throw new AppError('COMMON.INVALID_INPUT');
      return receiveVerdict(push, now);
    },
  },
);
