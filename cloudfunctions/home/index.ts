import { homeActions } from '../../src/shared/actions/home';
import { createFunction } from '../_core/router';
import * as service from './home.service';

/** The `home` cloud function: what matters today on 首页, counts for each role of the caller. */
export const main = createFunction('home', homeActions, {
  today: service.today,
});
