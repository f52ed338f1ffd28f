import type { ReportState, ReportStepKind } from '../../src/shared/domain/report';
import { dueTimes, resumedDueTimes } from '../../src/shared/rules/report-clock';
import type { Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { command } from '../_core/db';
import { AppError } from '../_core/errors';
import type { Identity } from '../_core/identity';
import { ensureImagesPublishable } from '../_core/media-check';
import type { CallContext } from '../_core/router';
import { fullView, residentCaller, visibleReport } from './common';
import { finishMerge } from './merge';
import { pointsOnClose, postOwedPoints } from './points';
import { settingsIn, type ReportAssigneeDoc, type ReportDoc, type ReportStepDoc, type ReportStepRole } from './reports.model';
import * as q from './reports.queries';
import type { In, Out } from './reports.types';
import { councilHandlers, fallback, pairIdOf } from './routing';
import { tell } from './tell';
import { isOpen, mayHandle, speaksForReporter, staffRole, surnameOf, type Standing } from './reports.views';

/**
 * Every state change of a report is ONE conditional write on the version the caller saw (`where({ _id, version })`,
 * version + 1), carrying its timeline step with the request id: of racing changes exactly one lands and the others
 * answer REPORTS.CHANGED; a retried change finds its step and answers the report as it is. What follows the write
 * (messages, photo checks, handler points) is keyed by the step and redone by a retry; the `report-clocks` timer
 * finishes what a call that died left (the `untold` mark, owed points).
 */

interface Change {
  kind: ReportStepKind;
  /** Who may make it (after seeing the report). */
  may: (s: Standing) => boolean;
  /** The states it applies in. */
  from: readonly ReportState[];
  /** The caller's words, shown to the resident (content-checked); or the step's own text, made once `patch` ran. */
  text: string | (() => string);
  photos?: readonly string[];
  /** The fields it sets, from the report as read (may read more; throws a refusal before anything is written). */
  patch: (r: ReportDoc, now: Date, caller: Caller) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** The role the step names; by default the caller's staff role. */
  role?: (caller: Caller, r: ReportDoc, s: Standing) => ReportStepRole;
}

const stepOf = (r: ReportDoc, caller: Caller, requestId: string) => r.steps.find((st) => st.requestId === requestId && st.byMemberId === caller.memberId);

/**
 * What follows a change, redone by a retry: the step's new photos submitted for checking, the messages told, the
 * points posted, a merge finished on its target. Round trips: per new photo the check's, `tell`'s, the points' when
 * owed, the merge target's 1-2 for a merge, then 1 (the report again) + 1 (the view).
 */
async function finish(caller: Caller, identity: Identity, r: ReportDoc, step: ReportStepDoc) {
  const pending = step.photos.filter((p) => (r.pendingImages ?? []).includes(p));
  if (pending.length) await ensureImagesPublishable(identity, 'reportPhoto', r._id, caller.memberId, pending, step.at);
  if (step.kind === 'merged') await finishMerge(r, step);
  await tell(r);
  if (r.pointsPosted === false) await postOwedPoints(r);
  return fullView(caller, (await q.findReport(r._id))!);
}

/** New photos of a step wait for their check in `pendingImages` (never written over: the verdicts move them). */
function newPhotos(r: ReportDoc, photos: readonly string[]): string[] {
  const known = new Set([...(r.photos ?? []), ...(r.pendingImages ?? [])]);
  return [...new Set(photos)].filter((p) => !known.has(p));
}

/**
 * Applies one change. Round trips: 1 (caller) + 1 (report) + the change's own reads + 1 (the write) + `finish`'s;
 * plus the content check. A retry: 1 + 1 + `finish`'s.
 */
async function apply(identity: Identity, input: { reportId: string; version: number; requestId: string }, c: Change) {
  const caller = await residentCaller(identity);
  const { report: r, standing } = await visibleReport(caller, input.reportId);
  const done = stepOf(r, caller, input.requestId);
  if (done) return finish(caller, identity, r, done);
  if (!c.may(standing)) throw new AppError('COMMON.FORBIDDEN');
  if (r.version !== input.version) throw new AppError('REPORTS.CHANGED');
  if (!c.from.includes(r.state)) throw new AppError('REPORTS.WRONG_STATE');
  if (typeof c.text === 'string') await ensurePublishable(identity, [c.text]);
  const now = clock().now();
  const patch = await c.patch(r, now, caller);
  const text = typeof c.text === 'string' ? c.text : c.text();
  const photos = [...new Set(c.photos ?? [])];
  const step: ReportStepDoc = {
    kind: c.kind,
    at: now,
    byMemberId: caller.memberId,
    byRole: (c.role ?? staffRole)(caller, r, standing),
    bySurname: surnameOf(caller.record?.name),
    text,
    photos,
    requestId: input.requestId,
  };
  const _ = command();
  const added = newPhotos(r, photos);
  const written = await q.updateIfVersion(r._id, r.version, {
    ...patch,
    version: r.version + 1,
    steps: _.push([step]),
    ...(added.length ? { pendingImages: _.push(added) } : {}),
    untold: true,
    updatedAt: now,
  });
  const saved = (await q.findReport(r._id))!;
  const mine = stepOf(saved, caller, input.requestId);
  // Lost the race: unless it was this very request (a racing copy), someone else's change landed first.
  if (!written && !mine) throw new AppError('REPORTS.CHANGED');
  return finish(caller, identity, saved, mine ?? step);
}

const asReporter = (): ReportStepRole => 'reporter';

/** 响应. */
export async function accept(input: In<'accept'>, { identity }: CallContext): Out<'accept'> {
  return apply(identity, input, {
    kind: 'accepted',
    may: mayHandle,
    from: ['submitted'],
    text: input.message,
    patch: (r, now) => ({ state: 'accepted', respondedAt: now, nextDueAt: r.resolutionDueAt }),
  });
}

/** Who takes a report handed to `to`, or REPORTS.TARGET_NOT_FOUND. Round trips: 1, +1 for a council's chair. */
async function handlersFor(r: ReportDoc, to: In<'handOver'>['to'], now: Date): Promise<{ assignee: ReportAssigneeDoc; handlerIds: string[]; chiefId?: string | null }> {
  switch (to.kind) {
    case 'grid': {
      const grid = (await q.gridsOf(r.communityId)).find((g) => g._id === to.gridId);
      if (!grid?.leaderMemberId) throw new AppError('REPORTS.TARGET_NOT_FOUND');
      // The building's pair come along when the building is in that grid.
      const pair = r.place.building && grid.buildings.includes(r.place.building) ? await q.findPair(pairIdOf(r.communityId, r.place.building)) : null;
      const ids = [grid.leaderMemberId, pair?.groupLeaderMemberId, pair?.partnerMemberId].filter((id): id is string => !!id);
      return { assignee: { kind: 'grid', gridId: grid._id }, handlerIds: [...new Set(ids)] };
    }
    case 'council': {
      const council = (await q.findCouncils(r.communityId)).find((c) => c._id === to.councilId);
      if (!council?.active) throw new AppError('REPORTS.TARGET_NOT_FOUND');
      return { assignee: { kind: 'council', councilId: council._id }, handlerIds: await councilHandlers(council, now) };
    }
    case 'chief': {
      const chief = await q.findChief(r.communityId);
      if (!chief) throw new AppError('REPORTS.TARGET_NOT_FOUND');
      return { ...fallback(chief.memberId), chiefId: chief.memberId };
    }
    case 'committee':
      return fallback(null);
  }
}

/** Hands the report on: the new holder and their handlers; the state and clocks stay. */
export async function handOver(input: In<'handOver'>, { identity }: CallContext): Out<'handOver'> {
  return apply(identity, input, {
    kind: 'handedOver',
    may: mayHandle,
    from: ['submitted', 'accepted', 'waiting'],
    text: input.reason,
    patch: async (r, now) => {
      const next = await handlersFor(r, input.to, now);
      return {
        assignee: next.assignee,
        handlerIds: next.handlerIds,
        ...(next.chiefId ? { chiefId: next.chiefId } : {}),
        // Guarded on the version, so the union read here is the one written.
        pastHandlerIds: [...new Set([...(r.pastHandlerIds ?? []), ...next.handlerIds])],
      };
    },
  });
}

/** 等待居民: the clocks stop until resume. */
export async function wait(input: In<'wait'>, { identity }: CallContext): Out<'wait'> {
  return apply(identity, input, {
    kind: 'waiting',
    may: mayHandle,
    from: ['accepted'],
    text: input.reason,
    patch: (_r, now) => ({ state: 'waiting', pausedAt: now, waitingReason: input.reason }),
  });
}

/** The pause ends: every clock not yet met moves later by the paused time. The reporter may resume too. */
export async function resume(input: In<'resume'>, { identity }: CallContext): Out<'resume'> {
  return apply(identity, input, {
    kind: 'resumed',
    may: (s) => mayHandle(s) || speaksForReporter(s),
    from: ['waiting'],
    text: '',
    role: (caller, r, s) => (mayHandle(s) ? staffRole(caller, r, s) : 'reporter'),
    patch: (r, now) => {
      const due = resumedDueTimes({ ...r, pausedAt: r.pausedAt ?? now }, now);
      return { state: 'accepted', ...due, nextDueAt: due.resolutionDueAt, pausedAt: null, waitingReason: null };
    },
  });
}

/** The handler's part is done; the resident is asked to confirm. */
export async function resolve(input: In<'resolve'>, { identity }: CallContext): Out<'resolve'> {
  return apply(identity, input, {
    kind: 'resolved',
    may: mayHandle,
    from: ['submitted', 'accepted'],
    text: input.summary,
    photos: input.photos,
    patch: (r, now, caller) => ({ state: 'resolved', respondedAt: r.respondedAt ?? now, resolvedAt: now, resolvedBy: caller.memberId, nextDueAt: null }),
  });
}

/** The reporter closes it (with a rating) or reopens it: the clocks start again from now. */
export async function confirm(input: In<'confirm'>, { identity }: CallContext): Out<'confirm'> {
  if (input.solved) {
    return apply(identity, input, {
      kind: 'closed',
      may: speaksForReporter,
      from: ['resolved'],
      text: input.comment ?? '',
      role: asReporter,
      patch: async (r, now) => {
        const s = settingsIn(await q.findSettings(r.communityId));
        return { state: 'closed', closedAt: now, rating: input.stars ? { stars: input.stars, comment: input.comment ?? '' } : null, ...pointsOnClose(r, s.handlerPoints) };
      },
    });
  }
  return apply(identity, input, {
    kind: 'reopened',
    may: speaksForReporter,
    from: ['resolved'],
    text: input.comment ?? '',
    role: asReporter,
    patch: (r, now) => {
      const due = dueTimes(now, r.rule);
      return {
        state: 'submitted',
        clockStartedAt: now,
        ...due,
        nextDueAt: due.responseDueAt,
        respondedAt: null,
        resolvedAt: null,
        resolvedBy: null,
        responseOverdue: false,
        resolutionOverdue: false,
        reopenCount: command().inc(1),
        ...(input.stars ? { rating: { stars: input.stars, comment: input.comment ?? '' } } : {}),
      };
    },
  });
}

/** The committee merges a duplicate into another open report; both timelines say so. */
export async function merge(input: In<'merge'>, { identity }: CallContext): Out<'merge'> {
  let intoNumber = '';
  return apply(identity, input, {
    kind: 'merged',
    may: (s) => s.committee,
    from: ['submitted', 'accepted', 'waiting'],
    text: () => `已并入同一问题的上报 ${intoNumber}`,
    patch: async (r) => {
      const into = input.intoId === r._id ? null : await q.findReport(input.intoId);
      if (!into || into.communityId !== r.communityId || !isOpen(into.state)) throw new AppError('REPORTS.MERGE_TARGET');
      intoNumber = into.number;
      return { state: 'merged', mergedInto: into._id, nextDueAt: null };
    },
  });
}

/**
 * 走访记录: adds a step without changing the state (so it does not move the version a handler racing it holds):
 * one write guarded on the report being open and the request not recorded yet. Round trips: 1 (caller) +
 * 1 (report) + 1 (write) + `finish`'s; plus the content check.
 */
export async function visit(input: In<'visit'>, { identity }: CallContext): Out<'visit'> {
  const caller = await residentCaller(identity);
  const { report: r, standing } = await visibleReport(caller, input.reportId);
  const done = stepOf(r, caller, input.requestId);
  if (done) return finish(caller, identity, r, done);
  if (!mayHandle(standing)) throw new AppError('COMMON.FORBIDDEN');
  if (!isOpen(r.state)) throw new AppError('REPORTS.WRONG_STATE');
  const v = input.visit;
  await ensurePublishable(identity, [v.whom, v.found]);
  const now = clock().now();
  const photos = [...new Set(v.photos)];
  const step: ReportStepDoc = {
    kind: 'visited',
    at: now,
    byMemberId: caller.memberId,
    byRole: staffRole(caller, r, standing),
    bySurname: surnameOf(caller.record?.name),
    text: '',
    photos,
    visit: { at: v.at, whom: v.whom, found: v.found },
    requestId: input.requestId,
  };
  const _ = command();
  const added = newPhotos(r, photos);
  await q.updateIf(r._id, { state: _.in(['submitted', 'accepted', 'waiting']), 'steps.requestId': _.neq(input.requestId) }, { steps: _.push([step]), ...(added.length ? { pendingImages: _.push(added) } : {}), updatedAt: now });
  const saved = (await q.findReport(r._id))!;
  const mine = stepOf(saved, caller, input.requestId);
  if (!mine) throw new AppError('REPORTS.WRONG_STATE');
  return finish(caller, identity, saved, mine);
}
