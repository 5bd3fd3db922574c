import type { TFilingDraftFields } from '../../types';
import type { TGroupCategory } from '../../types/domain';
import { CHARTER_TEMPLATES, isUntouchedCharter } from './charter-templates';

/** The form as typed: numbers stay strings until saved, so a half-typed field never turns into NaN. */
export interface TFilingForm {
  name: string;
  category: TGroupCategory | '';
  communityId: string;
  purpose: string;
  leaderName: string;
  leaderMobile: string;
  memberCount: string;
  roster: { name: string; mobile: string }[];
  venue: string;
  activityTime: string;
  charter: string;
  supervisor: string;
  partyMemberCount: string;
  hasPartyBranch: boolean;
}

export type TFormField = keyof TFilingForm;

/** Top-to-bottom order on screen: the first error in this order is the one scrolled to. */
export const FIELD_ORDER: TFormField[] = [
  'name',
  'category',
  'communityId',
  'purpose',
  'leaderName',
  'leaderMobile',
  'memberCount',
  'roster',
  'venue',
  'activityTime',
  'charter',
  'supervisor',
  'partyMemberCount',
  'hasPartyBranch',
];

export const fieldDomId = (field: TFormField) => `filing-${field}`;

export function emptyForm(): TFilingForm {
  return {
    name: '',
    category: '',
    communityId: '',
    purpose: '',
    leaderName: '',
    leaderMobile: '',
    memberCount: '',
    roster: [],
    venue: '',
    activityTime: '',
    charter: '',
    supervisor: '',
    partyMemberCount: '',
    hasPartyBranch: false,
  };
}

export const defaultSupervisor = (communityName: string) => `${communityName}居民委员会`;

function toCount(text: string): number | undefined {
  const t = text.trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : undefined;
}

/** What autosave sends: only what has been given, so an untouched picker is not a wrong answer. */
export function toDraftFields(form: TFilingForm): TFilingDraftFields {
  const fields: TFilingDraftFields = {
    name: form.name,
    purpose: form.purpose,
    leaderName: form.leaderName,
    leaderMobile: form.leaderMobile,
    roster: form.roster.map((r) => (r.mobile.trim() ? { name: r.name, mobile: r.mobile } : { name: r.name })),
    venue: form.venue,
    activityTime: form.activityTime,
    charter: form.charter,
    supervisor: form.supervisor,
    hasPartyBranch: form.hasPartyBranch,
  };
  if (form.category) fields.category = form.category;
  if (form.communityId) fields.communityId = form.communityId;
  const members = toCount(form.memberCount);
  if (members !== undefined) fields.memberCount = members;
  const party = toCount(form.partyMemberCount);
  if (party !== undefined) fields.partyMemberCount = party;
  return fields;
}

/** The same values shaped for the full (submit) schema, for instant feedback while fixing errors. */
export function toSubmitCandidate(form: TFilingForm): Record<string, unknown> {
  const draft = toDraftFields(form);
  return { ...draft, roster: draft.roster && draft.roster.length ? draft.roster : undefined };
}

export function fromDraftFields(fields: TFilingDraftFields): TFilingForm {
  return {
    name: fields.name ?? '',
    category: fields.category ?? '',
    communityId: fields.communityId ?? '',
    purpose: fields.purpose ?? '',
    leaderName: fields.leaderName ?? '',
    leaderMobile: fields.leaderMobile ?? '',
    memberCount: fields.memberCount === undefined ? '' : String(fields.memberCount),
    roster: (fields.roster ?? []).map((r) => ({ name: r.name, mobile: r.mobile ?? '' })),
    venue: fields.venue ?? '',
    activityTime: fields.activityTime ?? '',
    charter: fields.charter ?? '',
    supervisor: fields.supervisor ?? '',
    partyMemberCount: fields.partyMemberCount === undefined ? '' : String(fields.partyMemberCount),
    hasPartyBranch: fields.hasPartyBranch ?? false,
  };
}

/** Nothing typed yet (a prefilled community and its default 指导单位 do not count). */
export function isPristine(form: TFilingForm): boolean {
  const typed = { ...form, communityId: '', supervisor: '', charter: isUntouchedCharter(form.charter) ? '' : form.charter };
  return JSON.stringify(typed) === JSON.stringify({ ...emptyForm() });
}

/**
 * Applies one change plus the helpful defaults it implies: a category fills the charter template unless the
 * leader has written their own; a community fills 指导单位 unless it was changed by hand.
 */
export function applyChange(
  form: TFilingForm,
  patch: Partial<TFilingForm>,
  communityName: (id: string) => string | undefined,
): TFilingForm {
  const next = { ...form, ...patch };
  if (patch.category && patch.category !== form.category && isUntouchedCharter(form.charter)) {
    next.charter = CHARTER_TEMPLATES[patch.category];
  }
  if (patch.communityId !== undefined && patch.communityId !== form.communityId) {
    const before = form.communityId ? communityName(form.communityId) : undefined;
    const after = communityName(patch.communityId);
    const untouched = form.supervisor.trim() === '' || (before !== undefined && form.supervisor === defaultSupervisor(before));
    if (after && untouched) next.supervisor = defaultSupervisor(after);
  }
  return next;
}

/** `roster.2.name` → `roster`: the row on screen that holds the field. */
export function topField(path: string): TFormField | undefined {
  const head = path.split('.')[0] as TFormField;
  return FIELD_ORDER.includes(head) ? head : undefined;
}
