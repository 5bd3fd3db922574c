import type { TActionInput, TActionName, TActionOutput, TFunctionName, TFunctions } from '../../types';
import { callAction } from './transport';

/**
 * Every action by name, so the client needs no runtime copy of the contract (zod stays out of the main package).
 * The type below fails to compile when an action is added to types/ and not listed here.
 */
const ACTIONS = {
  account: ['me', 'communities', 'setCommunity', 'setPrefs', 'home', 'waiting', 'filingForm'],
  filings: ['saveDraft', 'submit', 'withdraw', 'get', 'mine', 'queue', 'decide'],
  groups: ['directory', 'detail', 'join', 'cancelJoin', 'leave', 'mine'],
  manage: ['members', 'membersOverview', 'decideJoin', 'removeMember', 'setDeputy', 'update', 'addSubCommittee', 'assignSubCommittee', 'fileChange', 'dissolve'],
  events: [
    'list', 'groupEvents', 'detail', 'signUp', 'cancelSignUp', 'mine', 'checkIn',
    'create', 'update', 'cancel', 'registrations', 'registerOnBehalf', 'markAttendance', 'checkInCode', 'record',
  ],
  growth: ['createCircle', 'circles', 'setStage', 'addNote', 'notes', 'quietGroups', 'setPartyFacts', 'partyFacts', 'overview'],
  incubation: ['needs', 'postNeed', 'support', 'answerNeed', 'mergeNeeds', 'partners', 'savePartner', 'createCourse', 'seedCircle', 'cancelCourse', 'courses', 'course', 'enroll', 'cancelEnrollment'],
  base: ['rooms', 'calendar', 'saveBase', 'saveRoom', 'book', 'cancelBooking', 'decideBooking', 'myBookings'],
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
};
void EVERY_ACTION_LISTED;

type TFunctionClient<F extends TFunctionName> = {
  [A in TActionName<TFunctions[F]>]: (input: TActionInput<TFunctions[F], A>) => Promise<TActionOutput<TFunctions[F], A>>;
};
export type TApi = { [F in TFunctionName]: TFunctionClient<F> };

function buildFunction<F extends TFunctionName>(name: F): TFunctionClient<F> {
  const client: Record<string, (input: object) => Promise<unknown>> = {};
  for (const action of ACTIONS[name]) {
    client[action] = (input) => callAction(name, action, input);
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
};
