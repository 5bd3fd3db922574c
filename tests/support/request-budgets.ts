/**
 * How many CloudBase requests each action may send in its ordinary successful case: the one table. Read by
 * tests/integration/request-budget.test.ts, which measures every case with the counting store, and published
 * in docs/requests.md, which that test checks against what it measured.
 *
 * The design (../shared/design.md, Budgets) sets two numbers: a read action ≤ 3 requests, a write ≤ 6. It names
 * them for the resident's reads and for writes in a transaction; we hold every read and every write to them,
 * since the design names no others. An action that sends more today keeps the number it measures and is
 * marked `over`: the test then fails if it gets worse, and fails if it gets better until the table (and the
 * doc) record the improvement. Drop `over` once it is back within the design.
 *
 * Keys are `function.action`, or `function.action · variant` for a second ordinary path worth pinning.
 */
export const DESIGN_BUDGETS = { read: 3, write: 6 } as const;

export type TActionKind = keyof typeof DESIGN_BUDGETS;

export interface TRequestBudget {
  kind: TActionKind;
  budget: number;
  /** Above the design's number today: `budget` is what it measures, to be brought down. */
  over?: true;
}

const read = (budget: number = DESIGN_BUDGETS.read, over?: true): TRequestBudget => ({ kind: 'read', budget, ...(over ? { over } : {}) });
const write = (budget: number = DESIGN_BUDGETS.write, over?: true): TRequestBudget => ({ kind: 'write', budget, ...(over ? { over } : {}) });
const OVER = true;

export const REQUEST_BUDGETS: Record<string, TRequestBudget> = {
  'account.me': read(),
  'account.communities': read(),
  'account.setCommunity': write(),
  'account.setPrefs': write(),
  'account.home': read(5, OVER),
  'account.home · a social worker': read(5, OVER),
  'account.waiting': read(),
  'account.waiting · a social worker': read(),
  'account.filingForm': read(),
  'manage.membersOverview': read(5, OVER),

  'filings.saveDraft': write(7, OVER),
  'filings.saveDraft · autosave': write(),
  'filings.submit': write(9, OVER),
  'filings.withdraw': write(7, OVER),
  'filings.get': read(),
  'filings.mine': read(),
  'filings.queue': read(),
  'filings.decide': write(10, OVER),
  'filings.decide · change': write(8, OVER),

  'groups.directory': read(),
  'groups.directory · search': read(),
  'groups.detail': read(4, OVER),
  'groups.join': write(9, OVER),
  'groups.join · open group': write(11, OVER),
  'groups.cancelJoin': write(),
  'groups.leave': write(8, OVER),
  'groups.leave · in a 分会': write(10, OVER),
  'groups.mine': read(),

  'manage.members': read(4, OVER),
  'manage.decideJoin': write(9, OVER),
  'manage.removeMember': write(9, OVER),
  'manage.setDeputy': write(),
  'manage.update': write(8, OVER),
  'manage.addSubCommittee': write(9, OVER),
  'manage.assignSubCommittee': write(8, OVER),
  'manage.fileChange': write(10, OVER),
  'manage.dissolve': write(10, OVER),

  'events.list': read(),
  'events.groupEvents': read(),
  'events.detail': read(4, OVER),
  'events.signUp': write(9, OVER),
  'events.cancelSignUp': write(),
  'events.mine': read(),
  'events.checkIn': write(9, OVER),
  'events.create': write(7, OVER),
  'events.update': write(11, OVER),
  'events.cancel': write(8, OVER),
  'events.registrations': read(),
  'events.registerOnBehalf': write(7, OVER),
  'events.list · 我能报名的': read(4, OVER),
  'events.signUp · waitlisted': write(9, OVER),
  'events.cancelSignUp · promotes the first in line': write(8, OVER),
  'events.create · weekly series': write(14, OVER),
  'events.cancel · whole series': write(15, OVER),
  'events.update · capacity raised': write(10, OVER),
  'events.markAttendance': write(9, OVER),
  'events.checkInCode': read(),
  'events.record': write(18, OVER),
  'incubation.needs': read(),
  'incubation.postNeed': write(9, OVER),
  'incubation.support': write(),
  'incubation.answerNeed': write(10, OVER),
  'incubation.mergeNeeds': write(17, OVER),
  'incubation.partners': read(),
  'incubation.savePartner': write(),
  'incubation.createCourse': write(16, OVER),
  'incubation.createCourse · in a room': write(33, OVER),
  'incubation.seedCircle': write(15, OVER),
  'incubation.cancelCourse': write(32, OVER),
  'incubation.courses': read(),
  'incubation.course': read(4, OVER),
  'incubation.enroll': write(21, OVER),
  'incubation.cancelEnrollment': write(22, OVER),

  // The dashboard's counters (docs/dashboards.md) add a read and a write of the community's counter document to every
  // write that moves a member count or a need's status, and of each month's counter document a booking touches.
  // The base: a booking claims one slot document per 30 minutes (a two-hour booking 4, a term of 8 weeks 32), each an
  // insert, and cancelling removes each; that is the price of no double booking on by-id transactions (docs/base.md).
  'base.rooms': read(),
  'base.calendar': read(),
  'base.saveBase': write(),
  'base.saveRoom': write(),
  'base.book': write(14, OVER),
  'base.book · weekly for a term': write(44, OVER),
  'base.book · for an event': write(16, OVER),
  'base.cancelBooking': write(13, OVER),
  'base.decideBooking': write(),
  'base.myBookings': read(),
  'base.myBookings · pending': read(),
  'events.cancel · freeing its room': write(16, OVER),

  'growth.createCircle': write(11, OVER),
  'growth.circles': read(),
  'growth.setStage': write(8, OVER),
  'growth.addNote': write(),
  'growth.notes': read(),
  'growth.quietGroups': read(),
  'growth.setPartyFacts': write(7, OVER),
  'growth.partyFacts': read(),
  'growth.overview': read(),
  'filings.decide · a circle filed': write(12, OVER),

  // Administration (docs/administration.md): an officer's scope costs one indexed query on communities. The admin
  // writes are rare (a few a year per street) and each names its place, its name claim and its audit line in one
  // transaction, which is where they pass the design's 6; the rename adds one query per kind of live record it
  // carries the new name to.
  'account.home · a street officer': read(5, OVER),
  'filings.queue · a street officer': read(),
  'admin.places': read(4, OVER),
  'admin.staff': read(4, OVER),
  'admin.audit': read(4, OVER),
  'admin.createCommunity': write(10, OVER),
  // 23 since the demo's 北焦社区 also holds a 代办 group and its filing (scripts/seed/demo-behalf.ts): one more record renamed.
  'admin.renameCommunity': write(23, OVER),
  'admin.retireCommunity': write(13, OVER),
  'admin.assign': write(10, OVER),
  'admin.unassign': write(7, OVER),
  // Dashboards (docs/dashboards.md): the caller, their communities, one `in` query of the community counters, one of
  // the month counters, two counts on the review queue's index (waiting, overdue). Flat in the number of groups.
  'stats.dashboard': read(6, OVER),
  'stats.dashboard · a street officer': read(7, OVER),
  // Exports (docs/reports.md) are rare and read a place's counters, its groups and the quarter's filings page by
  // page; they write the rate counter and one audit line. A street report repeats a community's reads per community.
  'reports.options': read(4, OVER),
  'reports.options · a street officer': read(6, OVER),
  'reports.quarterly': write(12, OVER),
  'reports.quarterly · a street': write(20, OVER),
  'reports.roster': write(8, OVER),
  // 代办 and 年度确认 (docs/on-behalf.md).
  // Like a new draft (7) plus the community it names, read once to file its name.
  'filings.startOnBehalf': write(8, OVER),
  'filings.submit · on behalf': write(9, OVER),
  // 我的's five, the 代办 offer read alongside (this elder has no groups or filings to list).
  'account.home · an elder with a 代办 waiting': read(5, OVER),
  'account.verifyPhone': write(),
  'account.takeoverOffers': read(),
  // One transaction: filing, group and her membership read, then membership, group, filing and history written.
  'account.takeover': write(10, OVER),
  'manage.confirmYear': write(),
  'growth.unconfirmed': read(),
};
