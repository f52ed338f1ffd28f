import { DEMO_PEOPLE } from '../../../emulator/seed/demo-data';
import { withCountingStack } from '../../bench/support';
import type { Harness } from '../../support/harness';
import { addMember } from '../honours/support';
import { CABIN, openMonday, rid } from './support';

/**
 * Database requests per call, counted at the gateway (the bench's counting stack). Reads made side by side count one
 * each: a borrow is 14 requests in 7 sequential round trips, a take 9 in 7 (the cabin's hours are read before the
 * stock moves). Both end in one transaction (start, reads in its snapshot, writes, commit) so that a call dying
 * between its writes leaves nothing half done (issue 15): that costs 4 requests more for a borrow, 3 for a take.
 */
it('browse and search cost 3 requests; a borrow 14 and a take 9', async () => {
  await withCountingStack(async ({ stack, requests }) => {
    openMonday({ stack } as unknown as Harness);
    const counted = async (action: string, payload: unknown, openid: string) => {
      const before = requests();
      const res = (await stack.host.invoke('cabin', { action, payload }, { openid })) as { ok: boolean };
      expect(res.ok).toBe(true);
      return requests() - before;
    };
    const resident = DEMO_PEOPLE.find((p) => p.key === 'resident')!.openid;
    for (const payload of [{ cabinId: CABIN, sectionKey: 'books' }, { cabinId: CABIN, query: '针线' }, { cabinId: CABIN, availableNow: true }]) {
      expect(await counted('items', payload, resident)).toBe(3);
    }
    const a = await addMember({ stack } as unknown as Harness, 'rt-borrower', '借书人');
    // The first loan of a person also creates their counter.
    await counted('borrow', { itemId: 'cbi-book-1', requestId: rid() }, a.openid);
    expect(await counted('borrow', { itemId: 'cbi-book-2', requestId: rid() }, a.openid)).toBe(14);
    expect(await counted('take', { itemId: 'cbi-buttons', requestId: rid() }, a.openid)).toBe(9);
  });
});
