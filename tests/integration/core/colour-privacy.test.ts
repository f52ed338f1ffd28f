import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { DEMO_CABIN_ID, demoCabinItemId } from '../../../emulator/seed/cabin';
import { DEMO_NOTICE_IDS } from '../../../emulator/seed/notices';
import { catalogue } from '../../../src/shared/catalogue';
import { GRID_COLOUR_LABELS, GRID_COLOURS } from '../../../src/shared/domain/grid';
import { startHarness, type DemoIdentity, type Harness } from '../../support/harness';

/**
 * Colours never reach a resident (issue 15): a grid's colour groups (红/黄/蓝/绿) say who needs watching, and only
 * staff who may see them (grid leaders, the committee) ever read one. Every action of the catalogue is called as every
 * resident-facing role with payloads from the seeded data (the seed has coloured residents, the demo resident among
 * them, and a notice to the yellow group of 第一微格), and every answer is searched for a colour label, a colour key as a
 * value (a `colour: 'yellow'` anywhere), or a bare colour label. Writes are called too: what they answer is searched, and
 * the store is reset after each so one call's change does not hide another's answer.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.reset();
}, 60_000);
afterAll(() => h.stop());

const ROLES: DemoIdentity[] = ['newcomer', 'resident', 'member'];
const MONTH = new Date().toISOString().slice(0, 7);
const LABELS = GRID_COLOURS.map((c) => GRID_COLOUR_LABELS[c]);
/** 红色, 黄色分组, 蓝色关注, 绿 分组 …: a colour word as the app would write one. */
const COLOUR_WORD = new RegExp(`(${LABELS.join('|')})\\s*(色|分组|关注)`);
const COLOUR_KEY = new RegExp(`^(${GRID_COLOURS.join('|')})$`);

interface Ids {
  eventId: string;
  roleKey: string;
  rewardId: string;
  councilId: string;
  gridId: string;
  memberId: string;
}

/** Payloads by action: ids from the seed, the rest what a page would send. Actions not listed are called with `{}`. */
function payloads(ids: Ids): Record<string, unknown> {
  const notice = DEMO_NOTICE_IDS.colour;
  const item = demoCabinItemId('sew-1');
  return {
    'members.listApplications': {},
    'members.memberDetail': { memberId: ids.memberId },
    'members.updateProfile': { name: '王秀兰', building: '1号楼', room: '101', phone: '13800000000', skills: [], interests: [], availability: [] },
    'councils.list': { includeRetired: true },
    'councils.detail': { councilId: ids.councilId },
    'councils.members': { councilId: ids.councilId },
    'councils.join': { councilId: ids.councilId, requestId: 'colour-join' },
    'grids.roster': { gridId: ids.gridId },
    'grids.residentPhone': { memberId: ids.memberId },
    'ledger.memberLedger': { memberId: ids.memberId },
    'ledger.report': { month: MONTH },
    'shop.list': { includeRetired: true },
    'shop.movements': { rewardId: ids.rewardId },
    'shop.redeem': { rewardId: ids.rewardId, requestId: 'colour-redeem' },
    'events.get': { eventId: ids.eventId },
    'events.suggest': { eventId: ids.eventId, roleKey: ids.roleKey },
    'events.signups': { eventId: ids.eventId },
    'events.signUp': { eventId: ids.eventId, roleKey: ids.roleKey, requestId: 'colour-signup' },
    'events.cancelSignup': { eventId: ids.eventId },
    'checkin.station': { eventId: ids.eventId, kind: 'in' },
    'checkin.counts': { eventId: ids.eventId },
    'checkin.pass': { eventId: ids.eventId },
    'cabin.cabin': { cabinId: DEMO_CABIN_ID },
    'cabin.items': { cabinId: DEMO_CABIN_ID },
    'cabin.item': { itemId: item },
    'cabin.residents': { cabinId: DEMO_CABIN_ID, query: '王' },
    'cabin.loans': { cabinId: DEMO_CABIN_ID },
    'cabin.history': { itemId: item },
    'cabin.sales': { cabinId: DEMO_CABIN_ID },
    'cabin.donations': { cabinId: DEMO_CABIN_ID },
    'cabin.report': { cabinId: DEMO_CABIN_ID, month: MONTH },
    'cabin.shelfCode': { cabinId: DEMO_CABIN_ID, sectionKey: 'sewing' },
    'cabin.itemCode': { itemId: item },
    'cabin.shifts': { cabinId: DEMO_CABIN_ID },
    'cabin.hold': { itemId: demoCabinItemId('umbrella-1'), requestId: 'colour-hold' },
    'cabin.borrow': { itemId: demoCabinItemId('umbrella-1'), requestId: 'colour-borrow' },
    'notices.list': { page: 1 },
    'notices.managed': { page: 1 },
    'notices.open': { noticeId: notice },
    'notices.confirm': { noticeId: notice },
    'notices.reply': { noticeId: DEMO_NOTICE_IDS.published, answer: '家中有人' },
    'notices.receipts': { noticeId: notice },
    'notices.remind': { noticeId: notice, requestId: 'colour-remind' },
  };
}

async function findIds(): Promise<Ids> {
  const get = async (fn: string, action: string, payload: unknown) => {
    const res = await h.invoke(fn, { action, payload }, h.identities.committee);
    return res.ok ? (res.data as any) : null;
  };
  const events = await get('events', 'list', {});
  const event = events?.items?.[0] ? await get('events', 'get', { eventId: events.items[0].id }) : null;
  const councils = await get('councils', 'list', {});
  const grids = await get('grids', 'overview', {});
  const rewards = await get('shop', 'list', {});
  return {
    eventId: events?.items?.[0]?.id ?? 'none',
    roleKey: event?.event?.roles?.[0]?.key ?? 'none',
    rewardId: rewards?.items?.find((r: { stock: number }) => r.stock > 0)?.id ?? 'none',
    councilId: councils?.items?.[0]?.id ?? 'none',
    gridId: grids?.grids?.[0]?.id ?? 'none',
    memberId: h.memberIdOf('resident'),
  };
}

/** Every string in an answer (values and keys), with its path. */
function strings(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push({ path: `${path}.${k} (key)`, text: k });
      strings(v, `${path}.${k}`, out);
    }
  }
}

/** What in one answer would tell a resident about a colour group: a colour word, or a colour key or label as a value. */
function colourHits(answer: unknown): string[] {
  const found: { path: string; text: string }[] = [];
  strings(answer, '', found);
  return found.filter(({ text }) => COLOUR_WORD.test(text) || COLOUR_KEY.test(text) || LABELS.includes(text)).map(({ path, text }) => `${path}: ${text}`);
}

it('the search sees colours where staff may see them, and nothing else trips it', async () => {
  // The grid leader reads the colour of the notice and of their residents: the search must find those.
  const staff = await h.invoke('notices', { action: 'open', payload: { noticeId: DEMO_NOTICE_IDS.colour } }, h.identities.gridLeader);
  expect(colourHits(staff).join('\n')).toMatch(/黄色分组/);
  const roster = await h.invoke('grids', { action: 'roster', payload: { gridId: 'cm-baiyu1-g1' } }, h.identities.gridLeader);
  expect(colourHits(roster).length).toBeGreaterThan(0);
  // Words that merely share a character are not colours.
  expect(colourHits({ title: '红领巾志愿者', body: '绿化带清理', state: 'expired', reason: 'refused', colourGridIds: [] })).toEqual([]);
});

it('no answer to a newcomer, resident or member names a colour group or a colour', async () => {
  const colourRecords = (await getDb().collection(COLLECTIONS.memberColours).limit(1000).get()).data as { _id: string; colour: string }[];
  // The test means something only with colours in the seed, the demo resident's among them.
  expect(colourRecords.map((c) => c._id)).toContain(h.memberIdOf('resident'));
  const ids = await findIds();
  const leaks: string[] = [];
  const answered: Record<string, number> = {};
  const all = Object.entries(catalogue).flatMap(([fn, actions]) => Object.keys(actions).map((action) => ({ fn, action })));
  const table = payloads(ids);
  for (const role of ROLES) {
    for (const { fn, action } of all) {
      const name = `${fn}.${action}`;
      const payload = table[name] ?? {};
      const res = await h.invoke(fn, { action, payload }, h.identities[role]);
      if (res.ok) answered[name] = (answered[name] ?? 0) + 1;
      for (const hit of colourHits(res)) leaks.push(`${role} ${name}${hit}`);
    }
    // Writes above changed the store; each role starts from the seed.
    await h.reset();
  }
  expect(leaks).toEqual([]);
  // The resident read the notice to their colour group, so the search had something to find.
  expect(answered['notices.open']).toBeGreaterThan(0);
  expect(answered['notices.list']).toBeGreaterThan(0);
}, 300_000);
