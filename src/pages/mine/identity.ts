import type { TMe, TMyGroup } from '../../../types';
import { ROLE_LABELS } from '../../../types/domain';

/**
 * 「身份」 on 我的: staff roles first, then the groups the person runs. A leader of two groups used to read
 * 「居民」, because only staff roles were looked at; the memberships this page already loads say more.
 * `more` = the list has further pages, so the counts are lower bounds.
 */
export function identityText(me: Pick<TMe, 'roles'>, groups: Pick<TMyGroup, 'status' | 'role'>[], more = false): string {
  const parts = me.roles.map((r) => ROLE_LABELS[r]);
  const active = groups.filter((g) => g.status === 'active');
  const count = (n: number) => (more ? `${n} 个以上` : `${n} 个`);
  const leads = active.filter((g) => g.role === 'leader').length;
  const deputies = active.filter((g) => g.role === 'deputy').length;
  if (leads > 0) parts.push(`${count(leads)}社团的负责人`);
  if (deputies > 0) parts.push(`${count(deputies)}社团的副负责人`);
  if (parts.length === 0) {
    const members = active.length;
    return members > 0 ? `${ROLE_LABELS.resident}，${count(members)}社团的成员` : ROLE_LABELS.resident;
  }
  return parts.join('、');
}
