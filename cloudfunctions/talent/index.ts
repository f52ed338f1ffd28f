import { talentActions } from '../../src/shared/actions/talent';
import { createFunction } from '../_core/router';
import * as service from './talent.service';

/** The `talent` cloud function: the talent pool (资源库) for the committee, grid leaders and council chairs. */
export const main = createFunction('talent', talentActions, {
  options: service.options,
  search: service.search,
});
