import * as v from 'valibot';
import { membersActions } from '../../../src/shared/actions/members';
import { maskPhone } from '../../../src/shared/domain/member';
import { ERRORS } from '../../../src/shared/errors';
import { formatShanghai } from '../../../src/shared/time';

describe('maskPhone', () => {
  it.each([
    ['13912345678', '139****5678'],
    ['', ''],
    ['12345', '****'],
  ])('%s -> %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});

describe('the updateProfile schema', () => {
  const parse = (input: unknown) => v.safeParse(membersActions.updateProfile.input, input);

  it('trims text, de-duplicates tags and defaults the optional parts', () => {
    const res = parse({ name: ' 马丽 ', building: '4号楼', room: '602', skills: ['瑜伽', '瑜伽'] });
    expect(res.success && res.output).toEqual({ name: '马丽', building: '4号楼', room: '602', phone: '', skills: ['瑜伽'], interests: [], availability: [] });
  });

  it('accepts an 11-digit mobile or nothing, and refuses anything else', () => {
    expect(parse({ name: 'a', building: 'b', room: 'c', phone: '13900001111' }).success).toBe(true);
    expect(parse({ name: 'a', building: 'b', room: 'c', phone: '' }).success).toBe(true);
    expect(parse({ name: 'a', building: 'b', room: 'c', phone: '021-5555' }).success).toBe(false);
  });

  it('refuses more than 20 skills and a name over 20 characters', () => {
    const skills = Array.from({ length: 21 }, (_, i) => `技能${i}`);
    expect(parse({ name: 'a', building: 'b', room: 'c', skills }).success).toBe(false);
    expect(parse({ name: '名'.repeat(21), building: 'b', room: 'c' }).success).toBe(false);
  });
});

describe('the action catalogue', () => {
  it('names only error codes that have a Chinese message', () => {
    for (const [name, spec] of Object.entries(membersActions)) {
      for (const code of spec.errors) expect([name, ERRORS[code]]).toEqual([name, expect.stringMatching(/[\u4e00-\u9fa5]/)]);
    }
  });
});

describe('formatShanghai', () => {
  it('shows UTC instants in Shanghai time, across the date line', () => {
    expect(formatShanghai('2026-11-23T16:30:00Z')).toBe('2026-11-24 00:30');
    expect(formatShanghai(new Date('2026-07-01T01:02:00Z'), 'HH:mm')).toBe('09:02');
  });
});
