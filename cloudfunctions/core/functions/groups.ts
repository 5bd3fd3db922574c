import { groupsFunction } from '../../../types/groups';
import { createHandler } from '../dispatch';
import { cancelJoin, joinGroup, leaveGroup } from '../groups/join';
import { getGroupDetail, listDirectory, listMyGroups } from '../groups/queries';

export const handleGroups = createHandler(groupsFunction, {
  directory: listDirectory,
  detail: getGroupDetail,
  join: joinGroup,
  cancelJoin,
  leave: leaveGroup,
  mine: listMyGroups,
});
