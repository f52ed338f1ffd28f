import { filterShape, originOf, pipelineShape } from '../../../emulator/gateway/query-log';
import {
  coverage,
  judgeQuery,
  serveBranch,
  type DeclaredCollection,
  type DeclaredIndex,
  type QueryRecord,
} from '../../../scripts/deploy/index-coverage';

const coll = (indexes: DeclaredIndex[], small?: string): DeclaredCollection => ({ name: 'c', owner: 'f', indexes, ...(small ? { small } : {}) });
const idx = (name: string, keys: Record<string, 1 | -1>, extra: Partial<DeclaredIndex> = {}): DeclaredIndex => ({ name, keys, ...extra });
const query = (q: unknown, sort: QueryRecord['sort'] = [], extra: Partial<QueryRecord> = {}): QueryRecord => ({
  coll: 'c',
  kind: 'get',
  filter: filterShape(q),
  sort,
  txn: false,
  origin: 'x/x.queries.ts:1 q',
  ...extra,
});
const served = (c: DeclaredCollection, r: QueryRecord): (string | null)[] => judgeQuery(c, r).branches.map((b) => b.index);

describe('index coverage: the matching rule', () => {
  const events = coll([
    idx('community_status_start', { communityId: 1, status: 1, startAt: 1, _id: 1 }),
    idx('member_created', { memberId: 1, createdAt: -1 }),
  ]);

  it('serves equality fields that are a prefix of the index, in any order of the query', () => {
    expect(served(events, query({ status: 'open', communityId: 'c1' }))).toEqual(['community_status_start']);
    expect(served(events, query({ communityId: 'c1' }))).toEqual(['community_status_start']);
    // status alone is not a prefix.
    expect(served(events, query({ status: 'open' }))).toEqual([null]);
    // $in bounds an index as equality does.
    expect(served(events, query({ communityId: { $in: ['c1', 'c2'] }, status: 'open' }))).toEqual(['community_status_start']);
    // Other fields outside the index are filtered after it.
    expect(served(events, query({ communityId: 'c1', title: { $ne: 'x' } }))).toEqual(['community_status_start']);
  });

  it('needs the sort from the index, right after the equality prefix', () => {
    expect(served(events, query({ communityId: 'c1', status: 'open' }, [['startAt', 1], ['_id', 1]]))).toEqual(['community_status_start']);
    // Sorting by an equality field is free.
    expect(served(events, query({ communityId: 'c1', status: 'open' }, [['status', 1], ['startAt', 1]]))).toEqual(['community_status_start']);
    // A gap (status not bound) breaks the sort.
    expect(judgeQuery(events, query({ communityId: 'c1' }, [['startAt', 1]])).branches[0]).toMatchObject({
      index: null,
      why: 'no index gives this sort after the equality fields',
    });
    // A sort alone is served by an index that starts with it.
    expect(served(events, query({}, [['memberId', 1], ['createdAt', -1]]))).toEqual(['member_created']);
    expect(served(events, query({}, [['createdAt', -1]]))).toEqual([null]);
  });

  it('serves a sort in the index direction or all reversed, not mixed', () => {
    expect(served(events, query({ memberId: 'm' }, [['createdAt', -1]]))).toEqual(['member_created']);
    expect(served(events, query({ memberId: 'm' }, [['createdAt', 1]]))).toEqual(['member_created']);
    expect(served(events, query({ communityId: 'c1', status: 'open' }, [['startAt', -1], ['_id', -1]]))).toEqual(['community_status_start']);
    expect(served(events, query({ communityId: 'c1', status: 'open' }, [['startAt', -1], ['_id', 1]]))).toEqual([null]);
  });

  it('takes one range after the equality prefix (or on the sort key)', () => {
    expect(served(events, query({ communityId: 'c1', status: 'open', startAt: { $gte: new Date() } }))).toEqual(['community_status_start']);
    expect(served(events, query({ memberId: 'm', createdAt: { $lt: new Date() } }, [['createdAt', -1]]))).toEqual(['member_created']);
    // A range on the first key bounds it too.
    const byTime = coll([idx('at', { at: 1 })]);
    expect(served(byTime, query({ at: { $lt: new Date() } }))).toEqual(['at']);
    // An anchored, case-sensitive regex is a range; others are not.
    expect(served(byTime, query({ at: /^2024/ }))).toEqual(['at']);
    expect(served(byTime, query({ at: /2024/ }))).toEqual([null]);
    expect(served(byTime, query({ at: { $exists: true } }))).toEqual([null]);
  });

  it('needs an index for every $or branch', () => {
    const c = coll([idx('a', { a: 1 }), idx('b', { b: 1 })]);
    expect(served(c, query({ $or: [{ a: 1 }, { b: 2 }] }))).toEqual(['a', 'b']);
    const verdict = judgeQuery(c, query({ $or: [{ a: 1 }, { d: 2 }] }));
    expect(verdict.branches.map((b) => b.index)).toEqual(['a', null]);
    expect(verdict.served).toBe(false);
    // Conditions outside the $or go with each branch.
    const cd = coll([idx('c_d', { c: 1, d: 1 })]);
    expect(served(cd, query({ c: 1, $or: [{ a: 1 }, { d: 2 }] }))).toEqual(['c_d', 'c_d']);
    // $and is flattened.
    expect(served(cd, query({ $and: [{ c: 1 }, { d: 2 }] }))).toEqual(['c_d']);
  });

  it('serves _id queries by the built-in index, also in transactions', () => {
    const none = coll([]);
    expect(served(none, query({ _id: 'x' }))).toEqual(['_id_']);
    expect(served(none, query({ _id: { $in: ['x', 'y'] }, status: 'open' }))).toEqual(['_id_']);
    expect(served(none, query({ _id: 'x' }, [], { txn: true, kind: 'update' }))).toEqual(['_id_']);
    // A range on _id is an ordinary index question: within a community it wants that community first.
    expect(served(none, query({ _id: { $gt: 'm' } }, [['_id', 1]]))).toEqual(['_id_']);
    const scoped = coll([idx('community_id', { communityId: 1, _id: 1 })]);
    expect(served(scoped, query({ communityId: 'c1', _id: { $gt: 'm' } }, [['_id', 1]]))).toEqual(['community_id']);
  });

  it('lets a small collection be scanned, and calls anything else a full scan', () => {
    expect(serveBranch(coll([]), { fields: {}, sort: [] })).toMatchObject({ index: null, why: 'a full scan (no field an index can bound)' });
    expect(served(coll([], 'the 居民区 of one street'), query({}, [['name', 1]]))).toEqual(['small']);
  });

  it('prefers the longest equality prefix, then the longer index, and reports indexes nothing used', () => {
    const c = coll([
      idx('a', { a: 1 }),
      idx('a_b', { a: 1, b: 1 }),
      idx('z', { z: 1 }),
      idx('code', { code: 1 }, { unique: true }),
      idx('timer_only', { t: 1 }, { unused: 'the yearly timer' }),
    ]);
    expect(served(c, query({ a: 1 }))).toEqual(['a_b']);
    const report = coverage([query({ a: 1 }), query({ a: 1, b: 2 }), query({ z: 1 }, [], { origin: null })], new Map([['c', c]]));
    expect(report.queries).toBe(2);
    expect(report.unused.map((u) => u.index)).toEqual(['a', 'z']);
    expect(report.unserved).toEqual([]);
  });
});

describe('index coverage: the recorder', () => {
  it('keeps fields and operator classes, never values', () => {
    expect(filterShape({ a: 1, 'b.c': { $gt: 2, $lt: 5 }, d: { $in: [1] }, e: { $ne: 1 }, f: { x: 1 }, g: null })).toEqual({
      fields: { a: 'eq', 'b.c': 'range', d: 'in', e: 'other', f: 'eq', g: 'eq' },
    });
    // The SDK's field-level `_.gt(a).and(_.lt(b))`.
    expect(filterShape({ at: { $and: [{ $gte: 1 }, { $lt: 2 }] } })).toEqual({ fields: { at: 'range' } });
    expect(filterShape({ a: 1, $or: [{ b: 1 }, { c: { $exists: true } }] })).toEqual({
      fields: { a: 'eq' },
      or: [[{ fields: { b: 'eq' } }, { fields: { c: 'other' } }]],
    });
  });

  it('takes the leading $match and $sort of a pipeline', () => {
    expect(pipelineShape([{ $match: { a: 1 } }, { $sort: { at: -1 } }, { $group: { _id: null } }])).toEqual({
      filter: { fields: { a: 'eq' } },
      sort: [['at', -1]],
    });
    expect(pipelineShape([{ $group: { _id: null } }, { $match: { a: 1 } }])).toEqual({ filter: { fields: {} }, sort: [] });
  });

  it('names the function code in an async stack', () => {
    const stack = [
      'Error',
      '    at Object.request (/w/emulator/gateway/query-log.ts:1:1)',
      '    at new Promise (<anonymous>)',
      '    at request (/w/node_modules/@cloudbase/node-sdk/dist/utils/request-core.js:10:3)',
      '    at async Object.upcomingPage (/w/cloudfunctions/events/events.queries.ts:144:15)',
      '    at async list (/w/cloudfunctions/events/events.service.ts:65:29)',
    ].join('\n');
    expect(originOf(stack)).toBe('events/events.queries.ts:144 upcomingPage');
    expect(originOf('Error\n    at Object.<anonymous> (/w/tests/integration/x.test.ts:16:3)')).toBeNull();
  });
});
