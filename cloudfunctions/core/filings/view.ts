import type { TFilingSummary, TFilingView, THistoryEntry } from '../../../types/filings';
import type { TAuditDoc, TFilingDoc } from '../collections';
import { changesSinceReturn } from './since-return';
import { isEditable } from './state';

export interface TViewer {
  isOwner: boolean;
  isReviewer: boolean;
}

/**
 * The filing as its owner or reviewer sees it. The owner's openid and the reviewer's identity stay inside.
 * Change and dissolution filings are not edited in place: once returned, the leader files a new one.
 */
export function toFilingView(doc: TFilingDoc, viewer: TViewer): TFilingView {
  return {
    id: doc._id,
    kind: doc.kind,
    status: doc.status,
    fields: doc.fields,
    communityName: doc.communityName,
    groupId: doc.groupId,
    changes: doc.changes ?? [],
    reason: doc.reason ?? null,
    sinceReturn: doc.returned ? changesSinceReturn(doc.returned, doc.fields, doc.communityName) : null,
    submittedAt: doc.submittedAt,
    decidedAt: doc.decidedAt,
    lastComment: doc.lastComment,
    updatedAt: doc.updatedAt,
    version: doc.version,
    can: {
      edit: viewer.isOwner && isEditable(doc.status) && doc.kind === 'initial',
      submit: viewer.isOwner && isEditable(doc.status) && doc.kind === 'initial',
      withdraw: viewer.isOwner && doc.status === 'submitted',
      // Nobody reviews their own filing: a social worker who entered a 代办 sees it in the queue but another decides.
      decide: viewer.isReviewer && !viewer.isOwner && doc.status === 'submitted',
    },
    onBehalf: onBehalfView(doc),
  };
}

/** 「由社工 刘芳 代 孙桂兰 填写」: who entered a 代办 filing and for whom (no openids, no phone beyond the fields). */
export function onBehalfView(doc: TFilingDoc): TFilingView['onBehalf'] {
  if (!doc.enteredBy || !doc.onBehalfOf) return null;
  return {
    enteredByName: doc.enteredBy.name,
    enteredByRole: doc.enteredBy.role,
    leaderName: doc.onBehalfOf.name,
    claimed: doc.onBehalfOf.claimedAt !== null,
  };
}

export function toFilingSummary(doc: TFilingDoc): TFilingSummary {
  return {
    id: doc._id,
    kind: doc.kind,
    status: doc.status,
    name: doc.fields.name || '未命名的报备',
    communityName: doc.communityName,
    groupId: doc.groupId,
    updatedAt: doc.updatedAt,
    lastComment: doc.lastComment,
  };
}

export function toHistoryEntry(doc: TAuditDoc): THistoryEntry {
  // Only filing transitions are read here (filings.get filters on entity 'filing' and entityId), so the
  // transition fields are present.
  return { at: doc.at, actorName: doc.actorName ?? '', from: doc.from ?? null, to: doc.to!, reason: doc.reason ?? null };
}
