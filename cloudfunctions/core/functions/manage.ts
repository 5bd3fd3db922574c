import { manageFunction } from '../../../types/manage';
import { createHandler } from '../dispatch';
import { dissolveGroup, fileChange } from '../manage/change-filing';
import { assignSubCommittee, decideJoin, listMembers, removeMember, setDeputy } from '../manage/members';
import { getMembersOverview } from '../manage/members-overview';
import { addSubCommittee, updateGroup } from '../manage/settings';
import { confirmYear } from '../behalf/annual';

export const handleManage = createHandler(manageFunction, {
  members: listMembers,
  membersOverview: getMembersOverview,
  decideJoin,
  removeMember,
  setDeputy,
  update: updateGroup,
  addSubCommittee,
  assignSubCommittee,
  fileChange,
  dissolve: dissolveGroup,
  confirmYear,
});
