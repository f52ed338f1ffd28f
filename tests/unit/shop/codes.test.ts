import { codeFor, maskName, redemptionIdOf } from '../../../cloudfunctions/shop/shop.model';
import { CODE_ALPHABET, formatCode, isCode, normalizeCode } from '../../../src/shared/domain/shop';

describe('redemption codes', () => {
  it('are 8 characters of an alphabet without look-alikes', () => {
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
    const codes = Array.from({ length: 2000 }, (_, i) => codeFor(`rd-${i}`, 0));
    expect(codes.every(isCode)).toBe(true);
    expect(new Set(codes).size).toBe(2000);
  });

  it('are the same for the same redemption and attempt, and differ by attempt', () => {
    expect(codeFor('rd-x', 0)).toBe(codeFor('rd-x', 0));
    expect(codeFor('rd-x', 1)).not.toBe(codeFor('rd-x', 0));
  });

  it('read back from typing, spacing and a scanned mini-program code path', () => {
    expect(normalizeCode(' abcd-2345 ')).toBe('ABCD2345');
    expect(normalizeCode('ABCD 2345')).toBe('ABCD2345');
    expect(normalizeCode('packages/shop/pages/verify/index?scene=r%3DABCD2345')).toBe('ABCD2345');
    expect(normalizeCode('r=ABCD2345')).toBe('ABCD2345');
    expect(isCode(normalizeCode('ABCD234'))).toBe(false);
    expect(isCode('ABCD2340')).toBe(false);
    expect(formatCode('ABCD2345')).toBe('ABCD 2345');
  });
});

describe('redemption ids', () => {
  it('follow the member and the tap, and stay short enough for a ledger key', () => {
    expect(redemptionIdOf('m1', 'req-1')).toBe(redemptionIdOf('m1', 'req-1'));
    expect(redemptionIdOf('m2', 'req-1')).not.toBe(redemptionIdOf('m1', 'req-1'));
    expect(`redeem-back:${redemptionIdOf('m1', 'req-1')}`.length).toBeLessThanOrEqual(64);
  });
});

describe('maskName', () => {
  it('keeps the surname only', () => {
    expect(maskName('李建国')).toBe('李**');
    expect(maskName('李')).toBe('李*');
    expect(maskName('')).toBe('');
  });
});
