import { groupsFunction } from '../../../types/groups';
import { createHandler } from '../dispatch';
import { getGroupDetail, listDirectory } from '../groups/queries';

export const handleGroups = createHandler(groupsFunction, {
  directory: listDirectory,
  detail: getGroupDetail,
});
