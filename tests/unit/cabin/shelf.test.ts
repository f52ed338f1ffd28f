import type { OpenState } from '../../../src/shared/domain/cabin';
import { borrowableNow, closedRefusal, shelfState } from '../../../src/shared/rules/cabin-shelf';

const open: OpenState = { open: true, closesAt: '2026-12-07T03:30:00.000Z', opensAt: null, closedFor: null, label: '开放中，11:30关门' };
const closed: OpenState = { open: false, closesAt: null, opensAt: '2026-12-08T01:00:00.000Z', closedFor: null, label: '明天 9:00 开门' };
const paused: OpenState = { open: false, closesAt: null, opensAt: null, closedFor: '装修', label: '装修，暂停开放' };

describe('shelfState', () => {
  it('says 现在 only while open', () => {
    expect(shelfState('loanable', true, open)).toEqual({ chance: 'now', label: '现在可借' });
    expect(shelfState('consumable', true, open)).toEqual({ chance: 'now', label: '现在可领' });
    expect(shelfState('reading', true, open).label).toBe('现在可看');
  });

  it('offers a reservation for a loanable while closed, and the opening for the rest', () => {
    expect(shelfState('loanable', true, closed)).toEqual({ chance: 'reserve', label: '可预约，明天 9:00 开门后来取' });
    expect(shelfState('consumable', true, closed)).toEqual({ chance: 'later', label: '明天 9:00 开门后可领' });
    expect(shelfState('sale', true, closed)).toEqual({ chance: 'later', label: '明天 9:00 开门后可买' });
  });

  it('promises nothing when no opening is in sight or the item is not there', () => {
    expect(shelfState('loanable', true, paused)).toEqual({ chance: 'later', label: '装修，暂停开放' });
    expect(shelfState('loanable', false, open)).toEqual({ chance: 'none', label: '' });
  });
});

it('closedRefusal names the next opening', () => {
  expect(closedRefusal(open)).toBeNull();
  expect(closedRefusal(closed)).toEqual({ code: 'CABIN.CLOSED', fields: { opening: '明天 9:00 开门' } });
});

it('borrowableNow (只看现在可借) is exactly shelfState’s 现在', () => {
  for (const kind of ['loanable', 'consumable', 'sale', 'reading'] as const) {
    for (const state of [open, closed, paused]) {
      for (const onShelf of [true, false]) expect(borrowableNow(kind, onShelf, state)).toBe(shelfState(kind, onShelf, state).chance === 'now');
    }
  }
  expect(borrowableNow('loanable', true, closed)).toBe(false);
});
