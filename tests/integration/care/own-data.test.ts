import { startHarness, type Harness } from '../../support/harness';
import { activePairing, elderDoc, freeze, logInput, registered, rid, TUESDAY, volunteers } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.reset();
  freeze(h, TUESDAY);
});

describe('own data', () => {
  it('the elder’s own export carries their health notes; the volunteer’s carries their visits without them; deleting the elder’s account unlinks the record', async () => {
    const elder = await registered(h, { memberId: h.memberIdOf('resident') });
    const [v] = await volunteers(1, 'own');
    const p = await activePairing(h, elder.id, v!);
    await h.call('care', 'logVisit', { pairingId: p.id, day: '2026-03-10', log: logInput('2026-03-10'), requestId: rid('l') }, v!);

    const mine = await h.call('members', 'myData', {}, h.identities.resident);
    expect(mine.care.asElder).toMatchObject({ name: '顾阿婆', healthNotes: expect.stringContaining('高血压'), family: { phone: '13933334444' }, visits: [{ day: '2026-03-17', state: 'due' }, { day: '2026-03-10', state: 'logged', minutes: 50 }] });
    const theirs = await h.call('members', 'myData', {}, v!);
    expect(theirs.care.asElder).toBeNull();
    expect(theirs.care.asVolunteer.visits).toEqual([expect.objectContaining({ day: '2026-03-17', state: 'due' }), expect.objectContaining({ day: '2026-03-10', elderName: '顾阿婆', state: 'logged' })]);
    expect(JSON.stringify(theirs)).not.toContain('高血压');
    // Nobody else's export has the notes.
    expect(JSON.stringify(await h.call('members', 'myData', {}, h.identities.gridLeader))).not.toContain('高血压');

    await h.call('members', 'deleteAccount', { confirm: '注销' }, h.identities.resident);
    expect((await elderDoc(elder.id)).memberId).toBeNull();
  });
});
