import { showModal } from '../../__mocks__/taro';
import { render, screen, waitFor } from '@testing-library/react';
import AuditPage from '@/packages/admin/pages/audit/index';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { cloneValue } from '../../../emulator/store';
import { byClass, clickByClass } from '../support/taro-events';
import { setupPagesHarness } from '../support/pages';

const ctx = setupPagesHarness();

const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const checkCard = (check: string) => byClass('audit-check').find((el) => el.getAttribute('data-check') === check) as HTMLElement;

/** Two loanable items whose queue counts drift, as a crash between a hold and its increment leaves them. */
function driftWaiting(count: number): string[] {
  const items = ctx.h.store.list(COLLECTIONS.cabinItems).filter((i) => i.communityId === 'cm-baiyu1' && i.kind === 'loanable').slice(0, count);
  for (const item of items) ctx.h.store.commit([{ op: 'put', coll: COLLECTIONS.cabinItems, doc: { ...cloneValue(item), waiting: 7 } }]);
  return items.map((i) => i._id as string);
}

describe('账目核对 (committee)', () => {
  it('lists every check as 一致 on the demo data', async () => {
    ctx.signIn('committee');
    render(<AuditPage />);
    expect(await screen.findByText('全部一致，没有差错。')).toBeTruthy();
    expect(byClass('audit-check').map((el) => el.getAttribute('data-check'))).toEqual(['ledger', 'eventPlaces', 'cabinStock', 'cabinWaiting', 'shopStock', 'proposalSupports', 'projectFollowers', 'surveyTallies', 'careMissedInRow', 'courseAttempts']);
    for (const card of byClass('audit-check')) expect(card.textContent).toContain('一致');
    expect(checkCard('ledger').textContent).toContain('按每位成员的全部时长积分记录重新相加');
    expect(byClass('btn-repair')).toHaveLength(0);
  });

  it('names each difference in plain words with its records; 修正 asks first, then sets the number and checks again', async () => {
    const [first] = driftWaiting(2);
    ctx.signIn('committee');
    render(<AuditPage />);
    await screen.findByText('发现 2 处差异。');
    const card = checkCard('cabinWaiting');
    expect(card.textContent).toContain('2 处差异');
    expect(card.textContent).toContain('排队人数记为 7，按记录应为');
    expect(card.textContent).toContain('依据：');
    expect(byClass('btn-repair')).toHaveLength(2);

    // Stepping back changes nothing.
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    clickByClass('btn-repair');
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(showModal.mock.calls[0]![0]).toMatchObject({ title: '修正这个数', confirmText: '修正', cancelText: '再想想' });
    expect((showModal.mock.calls[0]![0] as { content: string }).content).toContain('排队人数从 7 改为');
    await idle();
    expect(ctx.h.store.get(COLLECTIONS.cabinItems, first)!.waiting).toBe(7);
    expect(ctx.h.store.list(COLLECTIONS.auditRepairs)).toHaveLength(0);

    clickByClass('btn-repair');
    await screen.findByText('发现 1 处差异。');
    await idle();
    expect(ctx.h.store.list(COLLECTIONS.auditRepairs)).toHaveLength(1);
    expect(byClass('btn-repair')).toHaveLength(1);
  });

  it('全部修正 repairs every difference of a check at once', async () => {
    const ids = driftWaiting(3);
    ctx.signIn('committee');
    render(<AuditPage />);
    await screen.findByText('发现 3 处差异。');
    clickByClass('btn-repair-all');
    await screen.findByText('全部一致，没有差错。');
    expect((showModal.mock.calls[0]![0] as { content: string }).content).toContain('3 处格子屋排队人数');
    for (const id of ids) expect(ctx.h.store.get(COLLECTIONS.cabinItems, id)!.waiting).toBe(ctx.h.store.list(COLLECTIONS.cabinHolds).filter((x) => x.itemId === id && x.status === 'waiting').length);
    expect(ctx.h.store.list(COLLECTIONS.auditRepairs)).toHaveLength(3);
  });

  it('a resident is told they may not', async () => {
    ctx.signIn('resident');
    render(<AuditPage />);
    expect(await screen.findByText('你没有权限进行这个操作')).toBeTruthy();
  });
});
