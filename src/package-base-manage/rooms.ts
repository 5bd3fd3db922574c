import { api } from '../api';

export interface TRoomChoice {
  id: string;
  name: string;
  baseName: string;
  capacity: number;
}

/** Every open room of the community's bases, as the course form offers them. */
export async function loadRooms(communityId: string): Promise<TRoomChoice[]> {
  const { bases } = await api.base.rooms({ communityId });
  return bases.flatMap((b) => b.rooms.filter((r) => r.active).map((r) => ({ id: r.id, name: r.name, baseName: b.name, capacity: r.capacity })));
}
