import { matchShortCode, shortCode, slotExpiry } from '../../../cloudfunctions/checkin/short-code';
import { CODE_ALPHABET, groupedCode, isCodeShape, normaliseCode, spacedCode, typedCode } from '../../../src/shared/rules/checkin-code';

const NOW = new Date('2026-05-01T06:00:10Z');
const code = (over: Partial<Parameters<typeof shortCode>[0]> = {}) =>
  shortCode({ eventId: 'ev1', kind: 'in', walkIns: false, expiresAt: slotExpiry(NOW), ...over }, 'cm-a');

beforeAll(() => {
  process.env.TXTD_CHECKIN_SECRET = 'unit-secret';
});

describe('the 6-character check-in code', () => {
  it('uses no look-alike characters', () => {
    for (const c of '0O1IL2Z5S8BUV') expect(CODE_ALPHABET).not.toContain(c);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it('is normalised: spaces removed, uppercase; shown in two groups of three', () => {
    expect(normaliseCode(' k7p 3qx ')).toBe('K7P3QX');
    expect(spacedCode('K7P3QX')).toBe('K7P 3QX');
    expect(isCodeShape('K7P3QX')).toBe(true);
    expect(isCodeShape('K0P3QX')).toBe(false);
  });

  it('depends on event, kind, slot and 居民区, and is matched in its slot and the next one only', () => {
    const c = code();
    expect(isCodeShape(c)).toBe(true);
    expect(new Set([c, code({ eventId: 'ev2' }), code({ kind: 'out' }), code({ walkIns: true }), shortCode({ eventId: 'ev1', kind: 'in', walkIns: false, expiresAt: slotExpiry(NOW) }, 'cm-b')]).size).toBe(5);
    expect(matchShortCode(c, 'ev1', 'cm-a', NOW)).toEqual({ kind: 'in', walkIns: false });
    expect(matchShortCode(c, 'ev1', 'cm-a', new Date(NOW.getTime() + 30_000))).toEqual({ kind: 'in', walkIns: false });
    expect(matchShortCode(c, 'ev1', 'cm-a', new Date(NOW.getTime() + 60_000))).toBeNull();
    expect(matchShortCode(c, 'ev2', 'cm-a', NOW)).toBeNull();
    expect(matchShortCode(c, 'ev1', 'cm-b', NOW)).toBeNull();
  });

  it('as typed: uppercased, spaces and look-alikes left out (and named), at most 6, grouped after the third', () => {
    expect(typedCode('k7p 3qx')).toEqual({ code: 'K7P3QX', refused: [] });
    expect(typedCode('k0p1o')).toEqual({ code: 'KP', refused: ['0', '1', 'O'] });
    expect(typedCode('K7P3QXAA').code).toBe('K7P3QX');
    expect(typedCode('签到').refused).toEqual(['签', '到']);
    expect(groupedCode('K7P')).toBe('K7P');
    expect(groupedCode('K7P3')).toBe('K7P 3');
    expect(groupedCode('K7P3QX')).toBe('K7P 3QX');
  });
});
