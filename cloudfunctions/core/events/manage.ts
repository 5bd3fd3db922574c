// Placeholder until the use cases land: every action answers INTERNAL.
const notYet = async (): Promise<never> => { throw new Error('not implemented yet'); };
export const createEvent = notYet;
export const updateEvent = notYet;
export const cancelEvent = notYet;
export const listRegistrations = notYet;
