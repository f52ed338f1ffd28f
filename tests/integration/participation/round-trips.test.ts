import { DEMO_PROJECTS, DEMO_PROPOSALS } from '../../../emulator/seed/participation';
import { startHarness, type Harness } from '../../support/harness';
import { countingRequests } from '../../support/request-count';

/**
 * The database requests of the participation reads, counted at the gateway (every database call the SDK sends is one
 * HTTP request; two sent side by side are two requests but one wait). A list is the caller and one page.
 */
let h: Harness;
const { trips: countTrips } = countingRequests();

beforeAll(async () => {
  h = await startHarness();
  await h.stack.seed({ participation: true });
});
afterAll(async () => {
  await h.stop();
});

async function trips(fn: string, action: string, payload: unknown, openid: string): Promise<number> {
  return countTrips(() => h.call(fn, action, payload, openid));
}

it('lists are the caller and one page; a detail or a timeline adds one wait', async () => {
  const figures = {
    proposals: await trips('participation', 'proposals', {}, h.identities.resident),
    proposalsMine: await trips('participation', 'proposals', { mine: true }, h.identities.resident),
    projects: await trips('participation', 'projects', {}, h.identities.resident),
    streetProjects: await trips('participation', 'streetProjects', {}, h.identities.streetAdmin),
    // Side by side: the record and its page (or the caller's support / follow).
    comments: await trips('participation', 'comments', { proposalId: DEMO_PROPOSALS.collecting }, h.identities.resident),
    timeline: await trips('participation', 'timeline', { projectId: DEMO_PROJECTS.shed }, h.identities.resident),
    project: await trips('participation', 'project', { projectId: DEMO_PROJECTS.garden }, h.identities.committee),
    proposal: await trips('participation', 'proposal', { proposalId: DEMO_PROPOSALS.collecting }, h.identities.resident),
  };
  console.log(`participation round trips: ${JSON.stringify(figures)}`);
  expect(figures).toEqual({ proposals: 2, proposalsMine: 2, projects: 2, streetProjects: 2, comments: 3, timeline: 3, project: 3, proposal: 3 });
});
