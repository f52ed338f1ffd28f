import { maskPhone, type Visibility } from '../../src/shared/domain/member';
import { visibleTo, type TalentCard, type TalentViewer } from '../../src/shared/domain/talent';
import type { MemberDoc } from '../_core/member-record';

/** The member fields a talent card may draw on (the query projects to these). */
export type TalentDoc = Pick<MemberDoc, '_id' | 'name' | 'building' | 'phone' | 'skills' | 'interests' | 'availability' | 'councilIds'> & {
  visibility?: Partial<Visibility>;
};

/** A card with only what the member lets this viewer see; the phone in full for the committee only. */
export function toTalentCard(doc: TalentDoc, viewer: TalentViewer): TalentCard {
  const shown = (field: keyof Visibility) => visibleTo(doc.visibility?.[field], viewer);
  const card: TalentCard = { memberId: doc._id, name: doc.name, building: doc.building, councilIds: doc.councilIds ?? [] };
  if (shown('skills')) card.skills = doc.skills ?? [];
  if (shown('interests')) card.interests = doc.interests ?? [];
  if (shown('availability')) card.availability = doc.availability ?? [];
  if (shown('phone') && doc.phone) card.phone = viewer === 'committee' ? doc.phone : maskPhone(doc.phone);
  return card;
}
