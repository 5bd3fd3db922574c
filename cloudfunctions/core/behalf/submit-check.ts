import type { TFilingFields } from '../../../types/filings';
import { invalidFields } from '../app-error';
import type { TFilingDoc, TUserDoc } from '../collections';
import type { TAuthedContext } from '../guards';
import { refuseOutsideScope, staffScopeOf } from '../scope';
import { enteredByText } from './staff-label';

/**
 * Submitting a 代办 (docs/on-behalf.md): the one who entered it must still be staff of the community it now names
 * (the form lets them change it), a 代办 cannot file a hobby circle (its members chose their own leader), and the
 * filing's `onBehalfOf` follows the leader fields as submitted. The history line says who entered it.
 */
export async function onBehalfSubmit(ctx: TAuthedContext, user: TUserDoc | null, doc: TFilingDoc, fields: TFilingFields) {
  const scope = await staffScopeOf(ctx, user);
  await refuseOutsideScope(ctx, scope, fields.communityId, { action: 'filings.submit', entity: 'filing', entityId: doc._id });
  if (fields.fromGroupId) throw invalidFields({ fromGroupId: '代办的报备不能从兴趣小组转来，请由小组成员自己报备' });
  const enteredBy = doc.enteredBy!;
  return {
    reason: `由${enteredByText(enteredBy)}代为填写`,
    patch: { onBehalfOf: { name: fields.leaderName, mobile: fields.leaderMobile, claimedAt: null } },
  };
}
