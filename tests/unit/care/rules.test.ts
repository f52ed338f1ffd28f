import * as v from 'valibot';
import { elderFields, planFields, visitLogFields } from '../../../src/shared/actions/care';
import { addDays, autoConfirmAt, buildingDistance, dueDays, isStale, missedRate, nearbyBuildings, planText, scoreCandidate, weekdayOf } from '../../../src/shared/domain/care';

describe('calendar days', () => {
  it('knows weekdays (2026-03-10 is a Tuesday) and adds days across months', () => {
    expect(weekdayOf('2026-03-10')).toBe(2);
    expect(weekdayOf('2026-03-15')).toBe(7);
    expect(weekdayOf('2026-03-16')).toBe(1);
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('dueDays', () => {
  it('weekly on Tuesday: every Tuesday after `after`, through `through`, never before the anchor', () => {
    expect(dueDays({ weekdays: [2], everyWeeks: 1 }, '2026-03-10', '2026-03-09', '2026-03-31')).toEqual(['2026-03-10', '2026-03-17', '2026-03-24', '2026-03-31']);
    expect(dueDays({ weekdays: [2], everyWeeks: 1 }, '2026-03-11', '2026-03-01', '2026-03-20')).toEqual(['2026-03-17']);
    // Nothing twice: a run after the first makes only what is new.
    expect(dueDays({ weekdays: [2], everyWeeks: 1 }, '2026-03-10', '2026-03-17', '2026-03-17')).toEqual([]);
  });

  it('every two weeks counts weeks from the anchor’s week (Monday to Sunday)', () => {
    expect(dueDays({ weekdays: [1, 4], everyWeeks: 2 }, '2026-03-10', '2026-03-09', '2026-04-10')).toEqual(['2026-03-12', '2026-03-23', '2026-03-26', '2026-04-06', '2026-04-09']);
    expect(dueDays({ weekdays: [7], everyWeeks: 4 }, '2026-03-15', '2026-03-01', '2026-05-01')).toEqual(['2026-03-15', '2026-04-12']);
  });

  it('the plan in words', () => {
    expect(planText({ weekdays: [5, 2], everyWeeks: 1 })).toBe('每周周二、周五');
    expect(planText({ weekdays: [7], everyWeeks: 2 })).toBe('每两周周日');
  });
});

describe('suggestions', () => {
  it('buildings: the same is 0, numbers apart their difference, a named place unknown', () => {
    expect(buildingDistance('3号楼', '3号楼')).toBe(0);
    expect(buildingDistance('3号楼', '5号楼')).toBe(2);
    expect(buildingDistance('居委会', '5号楼')).toBeNull();
    expect(nearbyBuildings('2号楼', 2)).toEqual(['1号楼', '2号楼', '3号楼', '4号楼']);
    expect(nearbyBuildings('活动中心', 2)).toEqual(['活动中心']);
  });

  it('nearer beats farther, a matching skill and free time count, load counts against', () => {
    const base = { distance: 0, sameGrid: true, skills: [], availability: [], load: 0 };
    const near = scoreCandidate(base, ['chat'], []);
    const far = scoreCandidate({ ...base, distance: 3 }, ['chat'], []);
    expect(near.score).toBeGreaterThan(far.score);
    const nurse = scoreCandidate({ ...base, distance: null, sameGrid: false, skills: ['护士', '书法'], availability: ['周末'] }, ['medicine'], ['周末']);
    expect(nurse).toMatchObject({ matchedSkills: ['护士'], matchedTimes: ['周末'], score: 10 + 8 });
    expect(nurse.reasons).toEqual(['会护士', '周末有空', '目前没有结对']);
    expect(scoreCandidate({ ...base, load: 2 }, ['chat'], []).score).toBe(near.score - 30);
  });
});

describe('clocks and figures', () => {
  it('auto-confirms 72 hours after the log; stale after 14 days or never; missed rate to three places', () => {
    expect(autoConfirmAt(new Date('2026-03-10T02:00:00Z')).toISOString()).toBe('2026-03-13T02:00:00.000Z');
    expect(isStale(null, '2026-03-10')).toBe(true);
    expect(isStale('2026-02-24', '2026-03-10')).toBe(true);
    expect(isStale('2026-02-25', '2026-03-10')).toBe(false);
    expect(missedRate(1, 2)).toBe(0.333);
    expect(missedRate(0, 0)).toBe(0);
  });
});

describe('schemas', () => {
  const elder = {
    name: '顾阿婆',
    building: '3号楼',
    needs: ['chat'],
    frequency: 'weekly',
    family: { name: '顾小红', relation: '女儿', phone: '13933334444' },
    consent: { given: true, note: '本人同意' },
  };
  it('an elder needs consent, a family contact and at least one need; phones are checked', () => {
    expect(v.safeParse(elderFields, elder).success).toBe(true);
    expect(v.safeParse(elderFields, { ...elder, consent: { given: false, note: '无' } }).success).toBe(false);
    expect(v.safeParse(elderFields, { ...elder, needs: [] }).success).toBe(false);
    expect(v.safeParse(elderFields, { ...elder, needs: ['chat', 'chat'] }).success).toBe(false);
    expect(v.safeParse(elderFields, { ...elder, family: { ...elder.family, phone: '12345' } }).success).toBe(false);
    expect(v.safeParse(elderFields, { ...elder, healthNotes: 'a\u0000b' }).success).toBe(false);
  });

  it('a plan has 1-3 distinct weekdays 1..7 and every 1, 2 or 4 weeks; a log 1..480 minutes', () => {
    expect(v.safeParse(planFields, { weekdays: [2], everyWeeks: 1 }).success).toBe(true);
    expect(v.safeParse(planFields, { weekdays: [0], everyWeeks: 1 }).success).toBe(false);
    expect(v.safeParse(planFields, { weekdays: [1, 1], everyWeeks: 1 }).success).toBe(false);
    expect(v.safeParse(planFields, { weekdays: [1], everyWeeks: 3 }).success).toBe(false);
    const log = { startAt: '2026-03-10T02:00:00.000Z', minutes: 30, done: ['chat'], mood: 'good' };
    expect(v.safeParse(visitLogFields, log).success).toBe(true);
    expect(v.safeParse(visitLogFields, { ...log, minutes: 481 }).success).toBe(false);
    expect(v.safeParse(visitLogFields, { ...log, done: [] }).success).toBe(false);
  });
});
