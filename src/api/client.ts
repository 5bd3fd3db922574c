import type { TActionInput, TActionName, TActionOutput, TFunctionName, TFunctions } from '../../types';
import { noteWrite } from '../lib/freshness';
import { topPageKey } from '../lib/safe-nav';
import { callAction } from './transport';

/**
 * Every action by name, so the client needs no runtime copy of the contract (zod stays out of the main package).
 * The type below fails to compile when an action is added to types/ and not listed here.
 */
const ACTIONS = {
  account: ['me', 'communities', 'setCommunity', 'setPrefs', 'home', 'waiting', 'filingForm', 'verifyPhone', 'takeoverOffers', 'takeover'],
  filings: ['saveDraft', 'submit', 'withdraw', 'get', 'mine', 'queue', 'decide', 'startOnBehalf'],
  groups: ['directory', 'detail', 'join', 'cancelJoin', 'leave', 'mine'],
  manage: ['members', 'membersOverview', 'decideJoin', 'removeMember', 'setDeputy', 'update', 'addSubCommittee', 'assignSubCommittee', 'fileChange', 'dissolve', 'confirmYear'],
  events: [
    'list', 'groupEvents', 'detail', 'signUp', 'cancelSignUp', 'mine', 'checkIn',
    'create', 'update', 'cancel', 'registrations', 'registerOnBehalf', 'markAttendance', 'checkInCode', 'record',
  ],
  growth: ['createCircle', 'circles', 'setStage', 'addNote', 'notes', 'quietGroups', 'setPartyFacts', 'partyFacts', 'overview', 'unconfirmed'],
  incubation: ['needs', 'postNeed', 'support', 'answerNeed', 'mergeNeeds', 'partners', 'savePartner', 'createCourse', 'seedCircle', 'cancelCourse', 'courses', 'course', 'enroll', 'cancelEnrollment'],
  base: ['rooms', 'calendar', 'saveBase', 'saveRoom', 'book', 'cancelBooking', 'decideBooking', 'myBookings'],
  stats: ['dashboard'],
  admin: ['places', 'createCommunity', 'renameCommunity', 'retireCommunity', 'staff', 'assign', 'unassign', 'audit'],
  reports: ['options', 'quarterly', 'roster'],
} as const satisfies { [F in TFunctionName]: readonly TActionName<TFunctions[F]>[] };

type TMissing<F extends TFunctionName> = Exclude<TActionName<TFunctions[F]>, (typeof ACTIONS)[F][number]>;
const EVERY_ACTION_LISTED: { [F in TFunctionName]: [TMissing<F>] extends [never] ? true : TMissing<F> } = {
  account: true,
  filings: true,
  groups: true,
  manage: true,
  events: true,
  growth: true,
  incubation: true,
  base: true,
  stats: true,
  admin: true,
  reports: true,
};
void EVERY_ACTION_LISTED;

type TFunctionClient<F extends TFunctionName> = {
  [A in TActionName<TFunctions[F]>]: (input: TActionInput<TFunctions[F], A>) => Promise<TActionOutput<TFunctions[F], A>>;
};
export type TApi = { [F in TFunctionName]: TFunctionClient<F> };

/**
 * Actions that only read. Every other action changes something, and after it succeeds the pages shown next
 * reload (lib/freshness.ts). A read missing here only costs an extra reload, never a stale page.
 */
const READS: ReadonlySet<string> = new Set([
  'me', 'communities', 'get', 'mine', 'queue', 'directory', 'detail', 'members', 'list', 'groupEvents',
  'registrations', 'checkInCode', 'circles', 'notes', 'quietGroups', 'partyFacts', 'overview', 'needs',
  'partners', 'courses', 'course', 'rooms', 'calendar', 'myBookings', 'home', 'waiting', 'filingForm', 'membersOverview',
  'dashboard',
  'takeoverOffers', 'unconfirmed',
  'places', 'staff', 'audit',
  // Exports write only an audit line: nothing a page shows changes.
  'options', 'quarterly', 'roster',
]);

function buildFunction<F extends TFunctionName>(name: F): TFunctionClient<F> {
  const client: Record<string, (input: object) => Promise<unknown>> = {};
  for (const action of ACTIONS[name]) {
    const isRead = READS.has(action);
    client[action] = async (input) => {
      const origin = isRead ? undefined : topPageKey();
      const result = await callAction(name, action, input);
      if (!isRead) noteWrite(origin);
      return result;
    };
  }
  return client as unknown as TFunctionClient<F>;
}

/** `api.filings.submit({ filingId })` → the `filings` function's `submit` action, typed from types/. */
export const api: TApi = {
  account: buildFunction('account'),
  filings: buildFunction('filings'),
  groups: buildFunction('groups'),
  manage: buildFunction('manage'),
  events: buildFunction('events'),
  growth: buildFunction('growth'),
  incubation: buildFunction('incubation'),
  base: buildFunction('base'),
  stats: buildFunction('stats'),
  admin: buildFunction('admin'),
  reports: buildFunction('reports'),
};
