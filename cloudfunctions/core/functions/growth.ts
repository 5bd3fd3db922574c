import { growthFunction } from '../../../types/growth';
import { createHandler } from '../dispatch';
import { createCircle, listCircles } from '../growth/circles';
import { addNote, listNotes } from '../growth/notes';
import { getPartyFacts, growthOverview, setPartyFacts } from '../growth/party';
import { quietGroups } from '../growth/quiet';
import { setStage } from '../growth/stage-change';
import { listUnconfirmed } from '../behalf/annual';

/** The incubation path of groups (docs/growth.md): circles, stages, social workers' notes, 双孵化 facts. */
export const handleGrowth = createHandler(growthFunction, {
  createCircle,
  circles: listCircles,
  setStage,
  addNote,
  notes: listNotes,
  quietGroups,
  setPartyFacts,
  partyFacts: getPartyFacts,
  overview: growthOverview,
  unconfirmed: listUnconfirmed,
});
