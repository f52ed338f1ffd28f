import type { ReportSettingsView } from '../../src/shared/domain/report';
import { normalizeBuilding } from '../../src/shared/domain/grid';
import { dueTimes } from '../../src/shared/rules/report-clock';
import { authorize, can, ensureSameCommunity } from '../_core/authorize';
import { callerFrom, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { command } from '../_core/db';
import { AppError } from '../_core/errors';
import type { Identity } from '../_core/identity';
import { ensureImagesPublishable, imageFields } from '../_core/media-check';
import { findMember } from '../_core/member-record';
import { recordProxyAction } from '../_core/proxy-log';
import type { CallContext } from '../_core/router';
import { skilledMembers } from '../_core/talent-search';
import { activeCategory, fullView, namesOf, numberOf, reportIdOf, residentCaller, visibleReport } from './common';
import { MAX_FOLLOWERS, settingsIn, type ReportDoc, type ReportSettingsDoc } from './reports.model';
import * as q from './reports.queries';
import type { In, Out } from './reports.types';
import { routeOf, routingData } from './routing';
import { tell } from './tell';
import { isOpen, mayHandle, surnameOf, toSimilar, toSummary, toView } from './reports.views';

function settingsView(caller: Caller, doc: ReportSettingsDoc | null, all: boolean): ReportSettingsView {
  const s = settingsIn(doc);
  const record = caller.record;
  return {
    categories: all ? s.categories : s.categories.filter((c) => c.active),
    spots: s.spots,
    home: record?.building ? { building: record.building, room: record.room } : null,
    handlerPoints: s.handlerPoints,
  };
}

/** Round trips: 1 (caller) + 1 (settings). The committee gets retired categories too (to edit them). */
export async function settings(_input: In<'settings'>, { identity }: CallContext): Out<'settings'> {
  const caller = await residentCaller(identity);
  const manager = can(caller, 'reports.manage', { communityId: caller.communityId });
  return settingsView(caller, await q.findSettings(caller.communityId!), manager);
}

/** Round trips: 1 (caller) + 1 (councils) + 1 (write); plus the content check. One write: retrying it is harmless. */
export async function saveSettings(input: In<'saveSettings'>, { identity }: CallContext): Out<'saveSettings'> {
  const caller = await residentCaller(identity);
  authorize(caller, 'reports.manage', { communityId: caller.communityId });
  const communityId = caller.communityId!;
  const wanted = input.settings.categories.flatMap((c) => (c.councilId ? [c.councilId] : []));
  if (wanted.length) {
    const councils = new Map((await q.findCouncils(communityId)).map((c) => [c._id, c]));
    if (wanted.some((id) => !councils.get(id)?.active)) throw new AppError('REPORTS.COUNCIL_NOT_FOUND');
  }
  const s = input.settings;
  await ensurePublishable(identity, [...s.categories.map((c) => c.name), ...s.categories.flatMap((c) => c.skills), ...s.spots]);
  const doc: ReportSettingsDoc = {
    _id: communityId,
    communityId,
    categories: s.categories.map((c) => ({ ...c, quietHours: c.quietHours ?? null, councilId: c.councilId ?? null, skills: c.skills ?? [], active: c.active ?? true })),
    spots: [...new Set(s.spots)],
    handlerPoints: s.handlerPoints,
    updatedBy: caller.memberId,
    updatedAt: clock().now(),
  };
  await q.saveSettings(doc);
  return settingsView(caller, doc, true);
}

/** The place as stored: the building in normal form, or a spot of the 居民区 (REPORTS.PLACE_NOT_FOUND otherwise). */
function placeOf(input: In<'file'>['report']['place'], spots: readonly string[]) {
  const building = input.building.trim() ? normalizeBuilding(input.building) : '';
  const spot = building ? '' : input.spot.trim();
  if (spot && !spots.includes(spot)) throw new AppError('REPORTS.PLACE_NOT_FOUND');
  return { building, unit: building ? input.unit.trim() : '', spot, point: input.point ?? null };
}

/** Round trips: 1 (caller) + 1 (settings) + 1 (open reports there). At most 5, nobody named. */
export async function similar(input: In<'similar'>, { identity }: CallContext): Out<'similar'> {
  const caller = await residentCaller(identity);
  const s = settingsIn(await q.findSettings(caller.communityId!));
  activeCategory(s.categories, input.categoryKey);
  const place = placeOf(input.place, s.spots);
  const found = await q.openAt(caller.communityId!, input.categoryKey, place, 5);
  return { items: found.map((r) => toSimilar(r, caller.memberId)) };
}

/**
 * Who the report is for: the caller, or (代办) a resident of a grid the caller leads, or of the 居民区 for the
 * committee. One extra round trip when acting for someone.
 */
async function reporterOf(caller: Caller, forMemberId: string | undefined): Promise<{ reporter: Caller; proxy: boolean }> {
  if (!forMemberId || forMemberId === caller.memberId) return { reporter: caller, proxy: false };
  const person = await findMember(forMemberId);
  if (!person || person.deletedAt || person.communityId !== caller.communityId) throw new AppError('REPORTS.PERSON_NOT_FOUND');
  authorize(caller, 'members.actForResident', { communityId: person.communityId, gridId: person.gridId });
  return { reporter: callerFrom(person._id, person), proxy: true };
}

/**
 * What follows the filing once written, redone by a retry: the proxy record (once, by its key), the photos' checks
 * (only what is not yet with the platform) and the handlers told (once per send key).
 */
async function finishFiling(caller: Caller, identity: Identity, r: ReportDoc) {
  if (r.proxyBy === caller.memberId) {
    await recordProxyAction({ key: `report-${r._id}`, communityId: r.communityId, actorId: caller.memberId, subjectId: r.reporterId, action: `代上报：${r.categoryName}`, at: r.filedAt });
  }
  await ensureImagesPublishable(identity, 'reportPhoto', r._id, caller.memberId, r.pendingImages, r.filedAt);
  await tell(r);
}

/**
 * A chain of idempotent steps keyed by the request id (why not a transaction: the report is ONE insert under an id
 * from (caller, request id); what follows it, the proxy record, the photo checks and the messages, each has its own
 * deterministic key, and a retry that finds the report redoes them all, doing nothing twice).
 * Round trips: 1 (caller) [+1 the resident, for 代办] + 1 (report, settings, grids, chief and pair side by side) +
 * 1 (insert) [+1 proxy record] + per photo the check's 1-3 + per handler told the outbox's + 1 (mark cleared) +
 * 1 (names for the view). Without photos and handlers to tell: 4 + 1.
 */
export async function file(input: In<'file'>, { identity }: CallContext): Out<'file'> {
  const caller = await residentCaller(identity);
  const { reporter, proxy } = await reporterOf(caller, input.forMemberId);
  const communityId = caller.communityId!;
  const id = reportIdOf(caller.memberId, input.requestId);
  const building = input.report.place.building.trim() ? normalizeBuilding(input.report.place.building) : '';
  const [existing, settingsDoc, routing] = await Promise.all([q.findReport(id), q.findSettings(communityId), routingData(communityId, building)]);
  if (existing) return finishExisting(caller, identity, existing);
  const s = settingsIn(settingsDoc);
  const category = activeCategory(s.categories, input.report.categoryKey);
  const place = placeOf(input.report.place, s.spots);
  await ensurePublishable(identity, [input.report.text]);
  const now = clock().now();
  const route = routeOf(routing, place.building);
  const due = dueTimes(now, category);
  const images = imageFields('reportPhoto', null, input.report.photos);
  const doc: ReportDoc = {
    _id: id,
    communityId,
    number: numberOf(id, now),
    state: 'submitted',
    version: 0,
    categoryKey: category.key,
    categoryName: category.name,
    rule: { responseMinutes: category.responseMinutes, resolutionHours: category.resolutionHours, quietHours: category.quietHours },
    place,
    text: input.report.text,
    photos: images.photos as string[],
    pendingImages: images.pendingImages,
    refusedImages: 0,
    reporterId: reporter.memberId,
    proxyBy: proxy ? caller.memberId : null,
    followers: [],
    gridId: route.gridId,
    assignee: route.assignee,
    handlerIds: route.handlerIds,
    chiefId: routing.chiefId,
    pastHandlerIds: route.handlerIds,
    filedAt: now,
    clockStartedAt: now,
    ...due,
    nextDueAt: due.responseDueAt,
    respondedAt: null,
    resolvedAt: null,
    resolvedBy: null,
    closedAt: null,
    pausedAt: null,
    waitingReason: null,
    responseOverdue: false,
    resolutionOverdue: false,
    reopenCount: 0,
    rating: null,
    mergedInto: null,
    steps: [
      {
        kind: 'filed',
        at: now,
        byMemberId: caller.memberId,
        byRole: proxy ? 'grid_leader' : 'reporter',
        bySurname: proxy ? surnameOf(caller.record?.name) : '',
        text: proxy ? '网格长代居民上报' : '',
        photos: [...images.pendingImages],
        requestId: input.requestId,
      },
    ],
    pointsPosted: null,
    points: 0,
    untold: true,
    toldSteps: 0,
    updatedAt: now,
  };
  if (!(await q.insertReport(doc))) {
    // A racing copy of this same request inserted it first.
    return finishExisting(caller, identity, (await q.findReport(id))!);
  }
  await finishFiling(caller, identity, doc);
  const names = { grids: new Map(routing.grids.map((g) => [g._id, g.name])), councils: new Map<string, string>() };
  return { report: toView(caller, { ...doc, untold: false, toldSteps: doc.steps.length }, names, reporter.record ?? undefined) };
}

/** A retried `file`: the report its first call made (only to the one who filed it), finished. */
async function finishExisting(caller: Caller, identity: Identity, r: ReportDoc): Out<'file'> {
  // The id comes from the caller and the request id: only they can have made it, but check all the same.
  if (r.communityId !== caller.communityId || (r.proxyBy ?? r.reporterId) !== caller.memberId) throw new AppError('COMMON.NOT_FOUND');
  await finishFiling(caller, identity, r);
  return fullView(caller, (await q.findReport(r._id))!);
}

/**
 * "Me too": one conditional write that adds the caller to the followers (and a 'joined' step) while the report is
 * open, has room and does not count them yet, so a retry or a double tap counts once. Round trips: 1 (caller) +
 * 1 (report) + 1 (write) + 1 (the report again) + 1 (the view).
 */
export async function join(input: In<'join'>, { identity }: CallContext): Out<'join'> {
  const caller = await residentCaller(identity);
  const r = ensureSameCommunity(caller, await q.findReport(input.reportId));
  const me = caller.memberId;
  if (r.reporterId !== me && !r.followers.includes(me)) {
    if (!isOpen(r.state)) throw new AppError('REPORTS.WRONG_STATE');
    const _ = command();
    const now = clock().now();
    const step = { kind: 'joined', at: now, byMemberId: me, byRole: 'resident', bySurname: '', text: '又有一位邻居反映了这个问题', photos: [] };
    const joined = await q.updateIf(r._id, { state: _.in(['submitted', 'accepted', 'waiting']), reporterId: _.neq(me), followers: _.neq(me), [`followers.${MAX_FOLLOWERS - 1}`]: _.exists(false) }, { followers: _.push([me]), steps: _.push([step]), updatedAt: now });
    if (!joined) {
      const again = (await q.findReport(r._id))!;
      if (!again.followers.includes(me)) throw new AppError('REPORTS.WRONG_STATE');
    }
  }
  return fullView(caller, (await q.findReport(r._id))!);
}

/** Round trips: 1 (caller) + 1 (page) + 1 (names). */
export async function mine(input: In<'mine'>, { identity }: CallContext): Out<'mine'> {
  const caller = await residentCaller(identity);
  const [{ rows, hasMore }, names] = await Promise.all([q.minePage(caller.communityId!, caller.memberId, input.page), namesOf(caller.communityId!)]);
  return { items: rows.map((r) => toSummary(r, names)), page: input.page, hasMore };
}

/** Round trips: 1 (caller) + 1 (report) + 1 (names and reporter). */
export async function get(input: In<'get'>, { identity }: CallContext): Out<'get'> {
  const caller = await residentCaller(identity);
  const { report } = await visibleReport(caller, input.reportId);
  return fullView(caller, report);
}

/** 待处理. Round trips: 1 (caller) + 1 (page and names side by side). */
export async function queue(input: In<'queue'>, { identity }: CallContext): Out<'queue'> {
  const caller = await residentCaller(identity);
  const committee = can(caller, 'reports.manage', { communityId: caller.communityId });
  const [{ rows, hasMore }, names] = await Promise.all([q.queuePage(caller.communityId!, caller.memberId, committee, input.page), namesOf(caller.communityId!)]);
  return { items: rows.map((r) => toSummary(r, names)), page: input.page, hasMore };
}

/** The committee's list. Round trips: 1 (caller) + 1 (page and names side by side). */
export async function list(input: In<'list'>, { identity }: CallContext): Out<'list'> {
  const caller = await residentCaller(identity);
  authorize(caller, 'reports.manage', { communityId: caller.communityId });
  const [{ rows, hasMore }, names] = await Promise.all([q.listPage(caller.communityId!, input.filters ?? {}, input.page), namesOf(caller.communityId!)]);
  return { items: rows.map((r) => toSummary(r, names)), page: input.page, hasMore };
}

/** Round trips: 1 (caller) + 1 (report) + 1 (grids, councils and chief side by side). */
export async function handOverTargets(input: In<'handOverTargets'>, { identity }: CallContext): Out<'handOverTargets'> {
  const caller = await residentCaller(identity);
  const { report, standing } = await visibleReport(caller, input.reportId);
  if (!mayHandle(standing)) throw new AppError('COMMON.FORBIDDEN');
  const [grids, councils, chief] = await Promise.all([q.gridsOf(report.communityId), q.findCouncils(report.communityId), q.findChief(report.communityId)]);
  return {
    grids: grids.filter((g) => g.leaderMemberId).map((g) => ({ id: g._id, name: g.name })),
    councils: councils.filter((c) => c.active).map((c) => ({ id: c._id, name: c.name })),
    chief: !!chief,
    committee: true,
  };
}

/** How many helpers a handler is shown. */
const HELPERS = 20;

/**
 * Members with the category's skills who let the handler see them: the talent pool's search (the one the events'
 * suggestions use). Round trips: 1 (caller) + 1 (report and settings side by side) + 1 (the search).
 */
export async function helpers(input: In<'helpers'>, { identity }: CallContext): Out<'helpers'> {
  const caller = await residentCaller(identity);
  const [{ report, standing }, settingsDoc] = await Promise.all([visibleReport(caller, input.reportId), q.findSettings(caller.communityId!)]);
  if (!mayHandle(standing)) throw new AppError('COMMON.FORBIDDEN');
  const skills = settingsIn(settingsDoc).categories.find((c) => c.key === report.categoryKey)?.skills ?? [];
  if (skills.length === 0) return { items: [] };
  const viewer = standing.committee ? 'committee' : 'leader';
  const found = await skilledMembers(report.communityId, skills, viewer, HELPERS);
  return { items: found.map((d) => ({ memberId: d._id, name: d.name, building: d.building, skills: (d.skills ?? []).filter((k) => skills.includes(k)) })) };
}
