import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { DEMO_PROJECTS, DEMO_PROPOSALS } from '../../../emulator/seed/participation';
import { startHarness, type Harness } from '../../support/harness';
import { rid } from './support';

/** The demo proposals and projects of 白玉一居 (`npm start`), read through the real functions. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());
beforeEach(() => h.reset());

describe('the demo proposals and projects', () => {
  it('are seeded only when asked, once', async () => {
    expect(h.store.list(COLLECTIONS.proposals)).toHaveLength(0);
    const added = await h.stack.seed({ participation: true });
    expect(added).toBeGreaterThan(0);
    expect(await h.stack.seed({ participation: true })).toBe(0);
    expect(h.store.list(COLLECTIONS.proposals)).toHaveLength(4);
    expect(h.store.list(COLLECTIONS.projects)).toHaveLength(2);
  });

  it('show each role what they meet first: a proposal to support, one to answer, a project to follow', async () => {
    await h.stack.seed({ participation: true });
    const list = await h.call('participation', 'proposals', {}, h.identities.resident);
    const stateOf = (id: string) => list.items.find((p: { id: string }) => p.id === id)?.state;
    expect([DEMO_PROPOSALS.collecting, DEMO_PROPOSALS.answering, DEMO_PROPOSALS.adopted, DEMO_PROPOSALS.archived].map(stateOf)).toEqual(['collecting', 'answering', 'adopted', 'archived']);
    // A neighbour supports the collecting one: the count moves from the seeded records.
    expect((await h.call('participation', 'support', { proposalId: DEMO_PROPOSALS.collecting }, h.identities.applicant2)).proposal.supports).toBe(3);
    // The chair of 便民服务分会 now (张丽华) finds the routed one to answer, and answers it.
    expect((await h.call('participation', 'proposals', { toAnswer: true }, h.identities.gridLeader)).items.map((p: { id: string }) => p.id)).toEqual([DEMO_PROPOSALS.answering]);
    const answered = await h.call('participation', 'answer', { proposalId: DEMO_PROPOSALS.answering, version: 1, requestId: rid('a'), answer: { kind: 'partial', text: '先每月一次' } }, h.identities.gridLeader);
    expect(answered.proposal.state).toBe('partial');
    // The adopted proposal's project: followed by 王秀兰, with its update on the timeline.
    expect((await h.call('participation', 'project', { projectId: DEMO_PROJECTS.shed }, h.identities.resident)).project).toMatchObject({ status: 'active', percent: 40, followedByMe: true, followers: 1, proposalId: DEMO_PROPOSALS.adopted });
    expect((await h.call('participation', 'timeline', { projectId: DEMO_PROJECTS.shed }, h.identities.resident)).items).toHaveLength(1);
    expect((await h.call('participation', 'streetProjects', {}, h.identities.streetAdmin)).items).toHaveLength(2);
  });
});
