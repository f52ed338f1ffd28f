import type { ApplicationStatus } from './member';

/** 微格分色: how much attention a resident needs; 绿 marks second-echelon support. Sensitive data. */
export const GRID_COLOURS = ['red', 'yellow', 'blue', 'green'] as const;
export type GridColour = (typeof GRID_COLOURS)[number];

export const GRID_COLOUR_LABELS: Record<GridColour, string> = { red: '红', yellow: '黄', blue: '蓝', green: '绿' };

export const GRID_COLOUR_MEANINGS: Record<GridColour, string> = {
  red: '需要重点关注',
  yellow: '需要经常关心',
  blue: '一般关注',
  green: '第二梯队支援力量',
};

/** Someone named on a grid page (a leader, the chief, a building pair). */
export interface PersonRef {
  memberId: string;
  name: string;
  building: string;
}

export interface GridView {
  id: string;
  name: string;
  buildings: string[];
  /** 微格长. */
  leader: PersonRef | null;
}

/** 双楼长: a building's 楼组长 paired with a second-echelon member. */
export interface BuildingPairView {
  building: string;
  /** The grid holding the building now (null once it left every grid). */
  gridId: string | null;
  groupLeader: PersonRef | null;
  partner: PersonRef | null;
}

/** The grids of a 居民区 with their 总格长. */
export interface GridsOverview {
  grids: GridView[];
  /** 总格长. */
  chief: PersonRef | null;
}

/** One resident in a grid's roster. */
export interface RosterRow {
  memberId: string;
  name: string;
  building: string;
  room: string;
  /** Full for the committee, masked (138****5678) for a grid leader. */
  phone: string;
  status: ApplicationStatus;
  isMember: boolean;
  /** Only what the resident lets this viewer see; null when hidden from them. */
  skills: string[] | null;
  /** 微格分色: present only for viewers allowed to see it (the committee and the grid's leader). */
  colour?: GridColour | null;
}

/**
 * A building as residents and the committee type it, in one form: `3栋`, `3号`, ` ３号楼 ` all become `3号楼`;
 * anything else is kept, trimmed.
 */
export function normalizeBuilding(raw: string): string {
  const text = raw.replace(/\s+/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const plain = /^(\d+)(号楼|号|栋|幢|楼)?$/.exec(text);
  return plain ? `${Number(plain[1])}号楼` : text;
}

/** The grid listing `building` (compared in normal form), or null: what a member record's `gridId` follows. */
export function gridOfBuilding(grids: readonly { _id: string; buildings: readonly string[] }[], building: string): string | null {
  const wanted = normalizeBuilding(building);
  if (!wanted) return null;
  return grids.find((g) => g.buildings.some((b) => normalizeBuilding(b) === wanted))?._id ?? null;
}
