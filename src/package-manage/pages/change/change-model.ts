import { toFieldErrors, ZChangeRequest, type TChangeRequest, type TGroupDetail, type TMemberRow } from '../../../../types';
import { GROUP_CATEGORY_LABELS, type TGroupCategory } from '../../../../types/domain';
import { MANAGE_LIMITS } from '../../../../types/form-limits';
import { FILED_CHANGE_LABELS } from '../../../../types/membership';
import { textProblem } from '../../../lib/field-limits';

export interface TChangeForm {
  name: string;
  category: TGroupCategory;
  venue: string;
  charter: string;
  /** The member who should become leader; null = leader stays. */
  leader: TMemberRow | null;
  reason: string;
}

export interface TSummaryLine {
  field: string;
  label: string;
  before: string;
  after: string;
}

export const fromGroup = (g: TGroupDetail): TChangeForm => ({
  name: g.name,
  category: g.category,
  venue: g.venue,
  charter: g.charter,
  leader: null,
  reason: '',
});

/** Only the fields that really differ from the filed record, trimmed as the server will trim them. */
export function diffChanges(g: TGroupDetail, f: TChangeForm): { request: TChangeRequest; lines: TSummaryLine[] } {
  const request: TChangeRequest = {};
  const lines: TSummaryLine[] = [];
  for (const key of ['name', 'venue', 'charter'] as const) {
    const after = f[key].trim();
    if (after === g[key]) continue;
    request[key] = after;
    lines.push({ field: key, label: FILED_CHANGE_LABELS[key], before: g[key], after });
  }
  if (f.category !== g.category) {
    request.category = f.category;
    lines.push({ field: 'category', label: FILED_CHANGE_LABELS.category, before: GROUP_CATEGORY_LABELS[g.category], after: GROUP_CATEGORY_LABELS[f.category] });
  }
  if (f.leader && f.leader.role !== 'leader') {
    request.leaderMembershipId = f.leader.id;
    lines.push({ field: 'leaderMembershipId', label: FILED_CHANGE_LABELS.leader, before: g.leaderName, after: f.leader.name });
  }
  return { request, lines };
}

/** Server keys (`changes.name`, `leaderMembershipId`, `changes._`, `_`) → this form's keys (`name`, …, `_`). */
export function normalizeFields(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const k = key.replace(/^changes\./, '');
    const known = ['name', 'category', 'venue', 'charter', 'leaderMembershipId', 'reason'].includes(k);
    const target = known ? k : '_';
    if (!out[target]) out[target] = message;
  }
  return out;
}

/** The same checks the server runs on `changes`, plus the reason's length and a new leader's phone. */
export function checkLocally(request: TChangeRequest, form: TChangeForm): Record<string, string> {
  const result = ZChangeRequest.safeParse(request);
  const errors = result.success ? {} : normalizeFields(toFieldErrors(result.error));
  const reason = textProblem('变更原因', form.reason, MANAGE_LIMITS.changeReason);
  if (reason) errors.reason = reason;
  if (form.leader && !form.leader.mobile) errors.leaderMembershipId = '新负责人还没有登记手机号，请先请其补充联系电话';
  return errors;
}

const renamed = (text: string, from: string, to: string) => text.split(from).join(to);

/**
 * Renaming the group renames it in the charter too. While the leader has not edited the charter by hand (it
 * still equals the filed charter with the previous name swapped), the charter follows the name as it is typed;
 * always derived from the filed charter, so 老年协会 → 塔谈社区老年协会 never doubles the prefix.
 */
export function applyChangePatch(g: TGroupDetail, form: TChangeForm, patch: Partial<TChangeForm>): TChangeForm {
  const next = { ...form, ...patch };
  if (patch.name === undefined || patch.charter !== undefined || !g.name) return next;
  const before = form.name.trim() || g.name;
  const after = next.name.trim() || g.name;
  if (form.charter === renamed(g.charter, g.name, before)) next.charter = renamed(g.charter, g.name, after);
  return next;
}

/**
 * The charter still names the group by its filed name although the form renames it (the leader edited the
 * charter by hand before renaming): the charter with the new name swapped in, to offer; otherwise null.
 */
export function charterNamesOld(g: TGroupDetail, form: TChangeForm): string | null {
  const after = form.name.trim();
  if (!g.name || !after || after === g.name) return null;
  // Occurrences already renamed are masked first: 老年协会 → 塔谈社区老年协会 must not match inside the new name.
  const MASK = '\u0000';
  const masked = form.charter.split(after).join(MASK);
  if (!masked.includes(g.name)) return null;
  return renamed(masked, g.name, after).split(MASK).join(after);
}
