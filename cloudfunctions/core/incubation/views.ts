import type { TNeedRow } from '../../../types/incubation';
import type { TNeedDoc } from './docs';

/** A need as the contract shows it: never the poster, never who else asked. */
export function toNeedRow(n: TNeedDoc, iWant: boolean): TNeedRow {
  return {
    id: n._id,
    communityId: n.communityId,
    title: n.title,
    description: n.description,
    category: n.category,
    status: n.status,
    answer: n.answer,
    demand: n.demand,
    postedAt: n.createdAt,
    iWant,
    courseId: n.courseId,
    circleName: n.circle?.name ?? null,
  };
}
