import { adminFunction } from '../../../types/admin';
import { createHandler } from '../dispatch';
import { assign, listStaff, unassign } from '../admin/assignments';
import { listAudit } from '../admin/audit-view';
import { createCommunity, listPlaces, renameCommunity, retireCommunity } from '../admin/places';

/** Administration (docs/administration.md): places, assignments (the scope is derived from them), the audit log. */
export const handleAdmin = createHandler(adminFunction, {
  places: listPlaces,
  createCommunity,
  renameCommunity,
  retireCommunity,
  staff: listStaff,
  assign,
  unassign,
  audit: listAudit,
});
