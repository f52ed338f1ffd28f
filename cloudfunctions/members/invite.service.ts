import { authorize } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { wechat } from '../_core/ports/wechat';
import type { CallContext } from '../_core/router';
import type { In, Out } from './members.types';

/** The page a 居民区's code opens; it reads `scene` (c=<communityId>) and chooses the 居民区 for a newcomer. */
const INVITE_PAGE = 'pages/home/index';

/** Round trips: 1, plus one platform call. WeChat caps a scene at 32 characters; 居民区 ids are kept short for it. */
export async function inviteCode(_input: In<'inviteCode'>, { identity }: CallContext): Out<'inviteCode'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'members.invite', { communityId: caller.communityId });
  const scene = `c=${caller.communityId}`;
  if (scene.length > 32) throw new Error(`居民区 id too long for a mini-program code scene: ${scene}`);
  const png = await wechat().miniProgramCode({ scene, page: INVITE_PAGE });
  return { page: INVITE_PAGE, scene, image: `data:image/png;base64,${png.toString('base64')}` };
}
