// Placeholder until the use cases land: every action answers INTERNAL.
const notYet = async (): Promise<never> => { throw new Error('not implemented yet'); };
export const checkIn = notYet;
export const checkInCode = notYet;
export const markAttendance = notYet;
