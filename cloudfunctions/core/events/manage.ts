// The hosts' actions, one file each: create.ts, update.ts, cancel.ts, registrations.ts (代报名 is in signup.ts).
export { createEvent } from './create';
export { updateEvent } from './update';
export { cancelEvent } from './cancel';
export { listRegistrations } from './registrations';
