import * as v from 'valibot';
import { participationActions, participationSettingsFields, proposalFields } from '../../../src/shared/actions/participation';
import { addDays, routeFor, supportOpen, type ProposalCategory } from '../../../src/shared/domain/participation';

const at = Date.UTC(2026, 11, 5, 2, 0, 0);

describe('supportOpen', () => {
  const ends = new Date(at);
  it('is open while collecting, until the window’s end (exclusive)', () => {
    expect(supportOpen('collecting', ends, new Date(at - 1))).toBe(true);
    expect(supportOpen('collecting', ends, new Date(at))).toBe(false);
  });
  it('is closed in every other state, whatever the time', () => {
    for (const s of ['answering', 'adopted', 'partial', 'rejected', 'merged', 'archived'] as const) expect(supportOpen(s, ends, new Date(at - 86_400_000))).toBe(false);
  });
});

describe('addDays', () => {
  it('adds whole days of 24 hours', () => {
    expect(addDays(new Date(at), 60).getTime() - at).toBe(60 * 86_400_000);
  });
});

describe('routeFor', () => {
  const names = new Map([['c1', '便民服务分会']]);
  const cat = (councilId: string | null): ProposalCategory => ({ key: 'k', name: 'K', councilId, active: true });
  it('routes to the category’s sub-council when it is known (active)', () => {
    expect(routeFor(cat('c1'), names)).toEqual({ kind: 'council', councilId: 'c1', councilName: '便民服务分会' });
  });
  it('falls back to the committee: no council, a retired or unknown council, or no category', () => {
    expect(routeFor(cat(null), names)).toEqual({ kind: 'committee' });
    expect(routeFor(cat('gone'), names)).toEqual({ kind: 'committee' });
    expect(routeFor(undefined, names)).toEqual({ kind: 'committee' });
  });
});

describe('the contract’s checks', () => {
  const ok = { title: '加装车棚', text: '建议加装车棚', categoryKey: 'facility', place: '', photos: [] };
  it('a proposal: title and text needed, at most 6 photos, no NUL, no 1 MB text', () => {
    expect(v.safeParse(proposalFields, ok).success).toBe(true);
    expect(v.safeParse(proposalFields, { ...ok, title: ' ' }).success).toBe(false);
    expect(v.safeParse(proposalFields, { ...ok, text: 'a\u0000b' }).success).toBe(false);
    expect(v.safeParse(proposalFields, { ...ok, text: 'x'.repeat(1024 * 1024) }).success).toBe(false);
    expect(v.safeParse(proposalFields, { ...ok, photos: Array.from({ length: 7 }, (_, i) => `cloud://e/${i}.jpg`) }).success).toBe(false);
  });
  it('settings: a threshold of 2..2000, a window of 1..365 days, distinct categories with one active', () => {
    const s = { threshold: 30, windowDays: 60, answerDays: 15, categories: [{ key: 'a', name: '甲' }] };
    expect(v.safeParse(participationSettingsFields, s).success).toBe(true);
    expect(v.safeParse(participationSettingsFields, { ...s, threshold: 1 }).success).toBe(false);
    expect(v.safeParse(participationSettingsFields, { ...s, windowDays: 366 }).success).toBe(false);
    expect(v.safeParse(participationSettingsFields, { ...s, categories: [{ key: 'a', name: '甲' }, { key: 'a', name: '乙' }] }).success).toBe(false);
    expect(v.safeParse(participationSettingsFields, { ...s, categories: [{ key: 'a', name: '甲', active: false }] }).success).toBe(false);
  });
  it('an answer: 不采纳 and 合并 need a reason, 合并 a target; 采纳 and 部分采纳 may be bare', () => {
    const input = participationActions.answer.input;
    const base = { proposalId: 'p1', version: 1, requestId: 'req-12345678' };
    expect(v.safeParse(input, { ...base, answer: { kind: 'adopt' } }).success).toBe(true);
    expect(v.safeParse(input, { ...base, answer: { kind: 'partial' } }).success).toBe(true);
    expect(v.safeParse(input, { ...base, answer: { kind: 'reject', text: '' } }).success).toBe(false);
    expect(v.safeParse(input, { ...base, answer: { kind: 'reject', text: '场地不够' } }).success).toBe(true);
    expect(v.safeParse(input, { ...base, answer: { kind: 'merge', text: '同一件事' } }).success).toBe(false);
    expect(v.safeParse(input, { ...base, answer: { kind: 'merge', text: '同一件事', intoId: 'p2' } }).success).toBe(true);
  });
  it('progress: a percent of 0..100 and a real date', () => {
    const input = participationActions.progress.input;
    const base = { projectId: 'x', requestId: 'req-12345678', update: { date: '2027-01-10', percent: 50, text: '进展' } };
    expect(v.safeParse(input, base).success).toBe(true);
    expect(v.safeParse(input, { ...base, update: { ...base.update, percent: 101 } }).success).toBe(false);
    expect(v.safeParse(input, { ...base, update: { ...base.update, date: '2027-02-3' } }).success).toBe(false);
  });
});
