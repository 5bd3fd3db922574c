// Placeholder until the use cases land: every action answers INTERNAL.
const notYet = async (): Promise<never> => { throw new Error('not implemented yet'); };
export const listEvents = notYet;
export const groupEvents = notYet;
export const eventDetail = notYet;
export const myEvents = notYet;
