import type { ActionInput, ActionMap, ActionOutput } from './action';
import { auditActions } from './actions/audit';
import { cabinActions } from './actions/cabin';
import { careActions } from './actions/care';
import { checkinActions } from './actions/checkin';
import { councilsActions } from './actions/councils';
import { eventsActions } from './actions/events';
import { gridsActions } from './actions/grids';
import { homeActions } from './actions/home';
import { honoursActions } from './actions/honours';
import { learningActions } from './actions/learning';
import { ledgerActions } from './actions/ledger';
import { membersActions } from './actions/members';
import { noticesActions } from './actions/notices';
import { participationActions } from './actions/participation';
import { reportsActions } from './actions/reports';
import { rosterActions } from './actions/roster';
import { shopActions } from './actions/shop';
import { streetActions } from './actions/street';
import { surveysActions } from './actions/surveys';
import { talentActions } from './actions/talent';

/** Every cloud function and its actions: the one list the app and the functions share. */
export const catalogue = {
  members: membersActions,
  councils: councilsActions,
  grids: gridsActions,
  talent: talentActions,
  roster: rosterActions,
  street: streetActions,
  ledger: ledgerActions,
  shop: shopActions,
  honours: honoursActions,
  events: eventsActions,
  checkin: checkinActions,
  cabin: cabinActions,
  notices: noticesActions,
  home: homeActions,
  audit: auditActions,
  reports: reportsActions,
  participation: participationActions,
  surveys: surveysActions,
  care: careActions,
  learning: learningActions,
} satisfies Record<string, ActionMap>;

export type Catalogue = typeof catalogue;
export type FunctionName = keyof Catalogue;
export type ActionName<F extends FunctionName> = keyof Catalogue[F] & string;
export type InputOf<F extends FunctionName, A extends ActionName<F>> = ActionInput<Catalogue[F][A]>;
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = ActionOutput<Catalogue[F][A]>;
