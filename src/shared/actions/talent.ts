import * as v from 'valibot';
import { action } from '../action';
import { normalizeBuilding } from '../domain/grid';
import { AVAILABILITY_OPTIONS } from '../domain/member';
import type { TalentCard, TalentOptions } from '../domain/talent';
import type { Page } from '../result';
import { requiredText, text } from '../schemas';

const tagList = (label: string) =>
  v.optional(
    v.pipe(
      v.array(requiredText(label, 12), `${label}格式不对`),
      v.maxLength(10, `${label}最多选10个`),
      v.transform((list) => [...new Set(list)]),
    ),
    [],
  );

export const talentActions = {
  /** What the search form offers the caller. */
  options: action<TalentOptions>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),

  /**
   * Second-echelon members of the caller's 居民区, 20 a page. Within a filter any chosen value matches; filters
   * combine. Only fields a member lets the caller see are shown or searched.
   */
  search: action<Page<TalentCard>>()({
    input: v.object({
      skills: tagList('技能'),
      interests: tagList('兴趣'),
      availability: v.optional(
        v.pipe(v.array(v.picklist(AVAILABILITY_OPTIONS, '请选择空闲时间')), v.transform((list) => [...new Set(list)])),
        [],
      ),
      building: v.optional(
        v.pipe(text('楼栋', 20), v.transform(normalizeBuilding)),
        '',
      ),
      councilId: v.optional(text('分会', 64), ''),
      page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1),
    }),
    errors: ['COMMON.FORBIDDEN'],
  }),
};
