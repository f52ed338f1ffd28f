import type { StatusTone } from '@/components/StatusTag';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus, type MemberView } from '@shared/domain/member';

export const STATUS_TONES: Record<ApplicationStatus, StatusTone> = {
  none: 'neutral',
  pending: 'pending',
  approved: 'success',
  rejected: 'danger',
};

export function statusLabel(status: ApplicationStatus): string {
  return APPLICATION_STATUS_LABELS[status];
}

export function isProfileComplete(member: MemberView): boolean {
  return Boolean(member.name.trim() && member.building.trim() && member.room.trim());
}

/**
 * What a resident should do next, in the order of the path: 居民区 -> 隐私说明 -> 资料 -> 申请 -> 审核.
 * `consented`: the current privacy text is accepted (`me().privacy.accepted`); a new version asks everyone again.
 */
export type NextStep = 'community' | 'privacy' | 'profile' | 'apply' | 'pending' | 'member' | 'reapply';

export function nextStep(member: MemberView, consented: boolean): NextStep {
  if (!member.communityId) return 'community';
  if (!consented) return 'privacy';
  if (member.isMember || member.application.status === 'approved') return 'member';
  if (member.application.status === 'pending') return 'pending';
  if (!isProfileComplete(member)) return 'profile';
  if (member.application.status === 'rejected') return 'reapply';
  return 'apply';
}

export function canApply(member: MemberView, consented: boolean): boolean {
  const step = nextStep(member, consented);
  return step === 'apply' || step === 'reapply' || step === 'profile';
}

/**
 * The 居民区 a page was opened for: `communityId` in the query, or a mini-program code's `scene`
 * carrying `c=<id>` (URL-encoded by WeChat).
 */
export function entryCommunityId(params: Record<string, string | undefined> | undefined): string | null {
  if (!params) return null;
  const direct = params.communityId?.trim();
  if (direct) return direct;
  const scene = params.scene;
  if (!scene) return null;
  let decoded = scene;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    // keep the raw scene
  }
  for (const part of decoded.split('&')) {
    const [key, value] = part.split('=');
    if (key === 'c' && value?.trim()) return value.trim();
  }
  return null;
}
