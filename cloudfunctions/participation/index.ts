import { participationActions } from '../../src/shared/actions/participation';
import { deliverDue } from '../_core/message-outbox';
import { createFunction } from '../_core/router';
import { answer } from './answer.service';
import { runProposalClocks } from './clocks';
import * as projects from './projects.service';
import * as proposals from './proposals.service';

/**
 * The `participation` cloud function: 居民议事 (proposals with supports, a threshold and an official answer) and
 * 治理项目 (governance projects with milestones, dated progress and followers).
 */
export const main = createFunction('participation', participationActions, {
  settings: proposals.settings,
  saveSettings: proposals.saveSettings,
  propose: proposals.propose,
  proposals: proposals.proposals,
  proposal: proposals.proposal,
  support: proposals.support,
  withdraw: proposals.withdraw,
  comments: proposals.comments,
  comment: proposals.comment,
  hideComment: proposals.hideComment,
  answer,
  createProject: projects.createProject,
  editProject: projects.editProject,
  progress: projects.progress,
  projects: projects.projects,
  project: projects.project,
  timeline: projects.timeline,
  follow: projects.follow,
  streetProjects: projects.streetProjects,
}, {
  // Archives proposals short of support when their window closes, marks overdue answers, tells what is owed.
  'proposal-clocks': (now) => runProposalClocks(now),
  // Subscribe messages left behind by a crashed call, and retries (_core/message-outbox.ts).
  'message-outbox': (now) => deliverDue('participation', now),
});
