import { workbenchFunction } from '../../../types/workbench';
import { createHandler } from '../dispatch';
import { staffGroupView } from '../workbench/group-view';
import { listStaffGroups } from '../workbench/groups';

/** The staff side of groups (docs/workbench.md): every group in scope and one group's staff view. */
export const handleWorkbench = createHandler(workbenchFunction, {
  groups: listStaffGroups,
  group: staffGroupView,
});
