import { AppError } from '../_core/errors';
import { parseMediaCheckPush, receiveVerdict } from '../_core/media-check';
import { createFunction } from '../_core/router';

/**
 * The `media` cloud function: WeChat pushes each image check's verdict here (云开发控制台 -> 消息推送, event
 * `wxa_media_check`). It has no actions a client may call.
 */
export const main = createFunction(
  'media',
  {},
  {},
  {},
  {
    async wxa_media_check(message, now) {
      const push = parseMediaCheckPush(message);
      if (!push) throw new AppError('COMMON.INVALID_INPUT');
      return receiveVerdict(push, now);
    },
  },
);
