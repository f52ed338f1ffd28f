import { ROSTER_ISSUES_SHOWN, ROSTER_SAMPLE_SIZE, type ImportedPerson, type RosterIssue, type RosterReport } from '../../src/shared/domain/roster';
import type { RosterRow } from '../../src/shared/rules/roster-csv';
import { newMemberDoc, offlineMemberId, type MemberDoc } from '../_core/member-record';

/** The member record of a good row: no WeChat account yet; 梯队 成员 comes in already approved. */
export function importedMemberDoc(
  row: RosterRow,
  ctx: { communityId: string; appid: string; by: string; now: Date },
): MemberDoc {
  const base = newMemberDoc(offlineMemberId(ctx.communityId, row.key), null, ctx.appid, ctx.now);
  return {
    ...base,
    communityId: ctx.communityId,
    name: row.name,
    building: row.building,
    room: row.room,
    phone: row.phone,
    skills: row.skills,
    gridId: row.gridId,
    source: 'import',
    application: row.echelon === 'member' ? { status: 'approved', reviewedAt: ctx.now, reviewerId: ctx.by } : { status: 'none' },
  };
}

export function toReport(counts: Omit<RosterReport, 'issues'>, issues: readonly RosterIssue[]): RosterReport {
  return { ...counts, issues: issues.slice(0, ROSTER_ISSUES_SHOWN) };
}

export function toSample(docs: readonly MemberDoc[]): ImportedPerson[] {
  return docs.slice(0, ROSTER_SAMPLE_SIZE).map((d) => ({ name: d.name, building: d.building, room: d.room }));
}
