import { visibleSettings, type TalentViewer } from '../../src/shared/domain/talent';
import { COLLECTIONS } from './collections';
import { command, getDb } from './db';
import type { MemberDoc } from './member-record';

export type SkilledDoc = Pick<MemberDoc, '_id' | 'name' | 'building' | 'skills' | 'availability' | 'visibility'>;

/**
 * Approved members of the 居民区 with any of `skills`, among those who let `viewer` see their skills (the talent
 * pool's rule: a search never reveals what a card would hide).
 */
export async function skilledMembers(communityId: string, skills: readonly string[], viewer: TalentViewer, limit: number): Promise<SkilledDoc[]> {
  const _ = command();
  const res = await getDb()
    .collection(COLLECTIONS.members)
    .where({
      communityId,
      'application.status': 'approved',
      deletedAt: _.exists(false),
      skills: _.in([...skills]),
      'visibility.skills': _.in(visibleSettings(viewer)),
    })
    .orderBy('building', 'asc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .field({ name: true, building: true, skills: true, availability: true, visibility: true })
    .get();
  return res.data as SkilledDoc[];
}
