import * as v from 'valibot';
import { idSchema, requestIdSchema, requiredText } from '../schemas';
import { action } from '../action';
import { GRID_COLOURS, normalizeBuilding, type BuildingPairView, type GridColour, type GridsOverview, type GridView, type RosterRow } from '../domain/grid';
import type { Page } from '../result';

const id = idSchema(64);
const name = requiredText('微格名称', 20);
const building = v.pipe(requiredText('楼栋', 20), v.transform(normalizeBuilding));
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1);

export const gridsActions = {
  /** The caller's 居民区's grids, their buildings and leaders, and the 总格长: any resident may see them. */
  overview: action<GridsOverview>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),

  /**
   * One grid's residents, 20 a page: a grid leader sees their own grids (the first one when `gridId` is left out),
   * the committee any grid of its 居民区. Colours only for those two.
   */
  roster: action<Page<RosterRow> & { gridId: string }>()({
    input: v.object({ gridId: v.optional(id), building: v.optional(building), page }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /**
   * A resident's phone number for the roster's 打电话 button to dial at once (the roster shows it masked): only to
   * the leader of the resident's grid and the committee of their 居民区.
   */
  residentPhone: action<{ phone: string }>()({
    input: v.object({ memberId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'GRIDS.NO_PHONE'],
  }),

  /** A new grid without buildings; `requestId` makes a retried or double-tapped create add one grid. */
  createGrid: action<{ grid: GridView }>()({
    input: v.object({
      requestId: requestIdSchema,
      name,
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.CONTENT_REJECTED'],
  }),

  renameGrid: action<{ grid: GridView }>()({
    input: v.object({ gridId: id, name }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED'],
  }),

  /** The whole list of a grid's buildings; a building belongs to at most one grid of a 居民区. */
  setBuildings: action<{ grid: GridView }>()({
    input: v.object({
      gridId: id,
      buildings: v.pipe(
        v.array(building, '楼栋格式不对'),
        v.maxLength(60, '一个微格最多60栋楼'),
        v.transform((list) => [...new Set(list)]),
      ),
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'GRIDS.BUILDING_TAKEN', 'GRIDS.CHANGED', 'COMMON.CONTENT_REJECTED'],
  }),

  /** Sets (or, with null, clears) a grid's 微格长. */
  assignLeader: action<{ grid: GridView }>()({
    input: v.object({ gridId: id, memberId: v.nullable(id) }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'GRIDS.CHANGED'],
  }),

  /** Sets (or clears) the 居民区's 总格长. */
  setChief: action<{ chief: GridsOverview['chief'] }>()({
    input: v.object({ memberId: v.nullable(id) }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** 微格分色 of one resident (null clears it): the committee only. */
  setColour: action<{ memberId: string; colour: GridColour | null }>()({
    input: v.object({ memberId: id, colour: v.nullable(v.picklist(GRID_COLOURS, '请选择红、黄、蓝或绿')) }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** 双楼长 of every building that has one. */
  listPairs: action<{ items: BuildingPairView[] }>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),

  /** Makes a resident the 楼组长, or the paired member, of their own building. */
  setPairMember: action<{ pair: BuildingPairView }>()({
    input: v.object({ memberId: id, role: v.picklist(['groupLeader', 'partner'], '请选择楼组长或结对成员') }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'GRIDS.NOT_MEMBER', 'GRIDS.BUILDING_OUTSIDE_GRIDS', 'GRIDS.SAME_PERSON'],
  }),

  clearPair: action<{ cleared: boolean }>()({
    input: v.object({ building }),
    errors: ['COMMON.FORBIDDEN'],
  }),
};
