import { GROUP_CATEGORIES, type TGroupCategory } from '../../../types/domain';
import type { TGroupDoc } from '../collections';

/**
 * The dashboard's per-group numbers (docs/dashboards.md) that the growth counters do not already keep: filed
 * groups by category, their members, and dissolved groups. They ride in the same community document as the
 * growth counters (`gs_<communityId>`) and move in the same read and write, by the difference between what the
 * group counted for before and after (growth/counters.ts), so they cost nothing extra where the group's stage or
 * facts change, and two requests where only its member count or category does.
 */
export interface TGroupTallies {
  /** Members of filed groups (the groups' own counters, as filed and as joined since). */
  members: number;
  dissolvedGroups: number;
  /** Filed groups by category, every category present. */
  categories: Record<TGroupCategory, number>;
}

export type TTallied = Pick<TGroupDoc, 'status' | 'category' | 'memberCount'>;

export const zeroCategories = (): Record<TGroupCategory, number> =>
  Object.fromEntries(GROUP_CATEGORIES.map((c) => [c, 0])) as Record<TGroupCategory, number>;

export const zeroTallies = (): TGroupTallies => ({ members: 0, dissolvedGroups: 0, categories: zeroCategories() });

/** What one group adds to its community's tallies (null: it does not exist). */
export function groupTallies(group: TTallied | null): TGroupTallies {
  const t = zeroTallies();
  if (!group) return t;
  if (group.status === 'dissolved') t.dissolvedGroups = 1;
  if (group.status !== 'active') return t;
  t.members = Math.max(0, group.memberCount);
  t.categories[group.category] = 1;
  return t;
}

/** What a stored document holds (fields absent on documents stored before them). */
export type TStoredTallies = { members?: number; dissolvedGroups?: number; categories?: Partial<Record<TGroupCategory, number>> };

/** `current + after - before`, never below zero. */
export function moveTallies(current: TStoredTallies | null, before: TGroupTallies, after: TGroupTallies): TGroupTallies {
  const next = zeroTallies();
  next.members = Math.max(0, (current?.members ?? 0) + after.members - before.members);
  next.dissolvedGroups = Math.max(0, (current?.dissolvedGroups ?? 0) + after.dissolvedGroups - before.dissolvedGroups);
  for (const c of GROUP_CATEGORIES) {
    next.categories[c] = Math.max(0, (current?.categories?.[c] ?? 0) + after.categories[c] - before.categories[c]);
  }
  return next;
}

/** A stored document's tallies, absent fields as 0. */
export function talliesOf(doc: TStoredTallies | null): TGroupTallies {
  return moveTallies(doc, zeroTallies(), zeroTallies());
}

export function sameTallies(a: TGroupTallies, b: TGroupTallies): boolean {
  return a.members === b.members && a.dissolvedGroups === b.dissolvedGroups && GROUP_CATEGORIES.every((c) => a.categories[c] === b.categories[c]);
}

export function addTallies(into: TGroupTallies, add: TGroupTallies): void {
  into.members += add.members;
  into.dissolvedGroups += add.dissolvedGroups;
  for (const c of GROUP_CATEGORIES) into.categories[c] += add.categories[c];
}
