import { callerFrom } from '../../../cloudfunctions/_core/caller';
import { newMemberDoc } from '../../../cloudfunctions/_core/member-record';
import { inAudience, slotsAt } from '../../../cloudfunctions/events/events.model';
import { mySignupText, whenText } from '../../../src/features/events/format';
import { checkinPhase } from '../../../src/shared/rules/checkin-window';
import { dayText, fromShanghai } from '../../../src/shared/time';

const at = new Date('2026-11-23T00:00:00Z');
function person(patch: Record<string, unknown> = {}) {
  const doc = { ...newMemberDoc('m1', 'o1', 'app', at), communityId: 'cm-baiyu1', ...patch };
  return callerFrom('m1', doc as never);
}
const approved = { application: { status: 'approved' } };

describe('who an event is for', () => {
  it('the 居民区: every resident', () => {
    expect(inAudience(person(), { audience: { kind: 'community' } })).toBe(true);
  });
  it('members only: approved members, not applicants', () => {
    expect(inAudience(person(approved), { audience: { kind: 'members' } })).toBe(true);
    expect(inAudience(person({ application: { status: 'pending' } }), { audience: { kind: 'members' } })).toBe(false);
  });
  it('a sub-council: its members only', () => {
    const event = { audience: { kind: 'council' as const, councilId: 'cm-baiyu1-service' } };
    expect(inAudience(person({ ...approved, councilIds: ['cm-baiyu1-service'] }), event)).toBe(true);
    expect(inAudience(person({ ...approved, councilIds: ['cm-baiyu1-family'] }), event)).toBe(false);
  });
  it('nobody without a record', () => {
    expect(inAudience(callerFrom('x', null), { audience: { kind: 'community' } })).toBe(false);
  });
});

describe('free at that time', () => {
  it('maps a start in Shanghai time to the availability options that cover it', () => {
    expect(slotsAt(new Date('2026-11-28T02:00:00Z'))).toEqual(['随时可约', '周末']); // Saturday 10:00
    expect(slotsAt(new Date('2026-11-24T02:00:00Z'))).toEqual(['随时可约', '工作日白天']); // Tuesday 10:00
    expect(slotsAt(new Date('2026-11-24T11:00:00Z'))).toEqual(['随时可约', '工作日晚上']); // Tuesday 19:00
    expect(slotsAt(new Date('2026-11-27T17:00:00Z'))).toEqual(['随时可约', '周末']); // Saturday 01:00, still Friday in UTC
  });
});

describe('what the pages say', () => {
  it('reads a picked Shanghai date and time as an instant, and says a day in words', () => {
    expect(fromShanghai('2026-12-01', '09:00')).toBe('2026-12-01T01:00:00.000Z');
    expect(fromShanghai('2026-01-05', '07:30')).toBe('2026-01-04T23:30:00.000Z');
    expect(dayText('2026-11-30T16:30:00Z')).toBe('12月1日 周二');
  });
  it('shows the waiting position and the time span', () => {
    expect(mySignupText({ roleKey: 'r', status: 'waiting', waitingPosition: 3, byProxy: false })).toBe('你在候补第3位');
    expect(mySignupText({ roleKey: 'r', status: 'confirmed', waitingPosition: null, byProxy: false })).toBe('已报名');
    expect(whenText('2026-11-24T11:00:00Z', '2026-11-24T13:00:00Z')).toBe('11月24日 周二 19:00-21:00');
  });
});

describe('when check-in is open', () => {
  const event = { startAt: '2026-12-01T01:00:00Z', endAt: '2026-12-01T03:00:00Z', checkinOpensMinutesBefore: 30, checkinGraceMinutesAfter: 60 };
  it('from the minutes before the start to the grace after the end', () => {
    expect(checkinPhase(event, Date.parse('2026-12-01T00:29:59Z'))).toBe('before');
    expect(checkinPhase(event, Date.parse('2026-12-01T00:30:00Z'))).toBe('open');
    expect(checkinPhase(event, Date.parse('2026-12-01T03:59:59Z'))).toBe('open');
    expect(checkinPhase(event, Date.parse('2026-12-01T04:00:00Z'))).toBe('after');
  });
});
