// The crash matrix's comparison (tests/support/crash-matrix.ts) must be strict: random ids compare equal once
// normalised, but a doubled counter, a missing or extra document and a message sent twice each show, named by
// collection, document id and field path.
import { diffStates, formatTable, normalise } from '../../support/crash-matrix';

const id1 = '0123456789abcdef0123456789abcdef';
const id2 = 'fedcba9876543210fedcba9876543210';

function state(over: { counter?: number; logId?: string; extra?: boolean; messages?: number; missing?: boolean } = {}) {
  const logId = over.logId ?? id1;
  const collections: Record<string, any[]> = {
    roles: [{ _id: 'r1', taken: over.counter ?? 1, nested: { list: [1, 2] } }],
    log: over.missing ? [] : [{ _id: logId, about: 'r1', ref: `cloud://env/${logId}-photo.jpg` }],
  };
  if (over.extra) collections.log!.push({ _id: id2, about: 'r1', ref: `cloud://env/${id2}-photo.jpg` });
  const wechat = Array.from({ length: over.messages ?? 1 }, () => ({ touser: 'u1', template: 't', at: '2026-03-10T02:00:00.000Z' }));
  return normalise({ collections, wechat, wecom: [] });
}

test('the same state with other random ids compares equal', () => {
  expect(diffStates(state({ logId: id1 }), state({ logId: id2 }))).toEqual([]);
  expect(state({ logId: id2 }).collections.log).toEqual({ '"<r1>"': { _id: '<r1>', about: 'r1', ref: 'cloud://env/<r1>-photo.jpg' } });
});

test('a counter moved twice names the collection, document and field', () => {
  expect(diffStates(state(), state({ counter: 2 }))).toEqual(['roles "r1" taken: clean 1, here 2']);
});

test('a missing and an extra document show', () => {
  expect(diffStates(state(), state({ missing: true }))).toEqual([expect.stringMatching(/^log "<r1>": missing/)]);
  expect(diffStates(state(), state({ extra: true }))).toEqual([expect.stringMatching(/^log "<r2>": extra document/)]);
});

test('a message sent twice or never shows', () => {
  expect(diffStates(state(), state({ messages: 2 }))).toEqual([expect.stringMatching(/^wechat subscribe message: .* sent 2 time\(s\), clean run 1$/)]);
  expect(diffStates(state(), state({ messages: 0 }))).toEqual([expect.stringMatching(/sent 0 time\(s\), clean run 1$/)]);
});

test('a nested field path is named', () => {
  const a = normalise({ collections: { c: [{ _id: 'x', a: { b: [1, { c: 2 }] } }] }, wechat: [], wecom: [] });
  const b = normalise({ collections: { c: [{ _id: 'x', a: { b: [1, { c: 3 }] } }] }, wechat: [], wecom: [] });
  expect(diffStates(a, b)).toEqual(['c "x" a.b.1.c: clean 2, here 3']);
});

test('the table lists domain, scenario, write points and crash points passed', () => {
  expect(formatTable([{ domain: 'members', scenario: 'members.apply', writes: 2, passed: 4, total: 4 }]).split('\n')).toEqual([
    'domain   scenario       write points  crash points passed',
    '-------  -------------  ------------  -------------------',
    'members  members.apply  2             4/4',
  ]);
});
