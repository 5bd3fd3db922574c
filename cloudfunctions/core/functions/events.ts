import { eventsFunction } from '../../../types/events';
import { createHandler } from '../dispatch';
import { checkIn, checkInCode, markAttendance } from '../events/checkin';
import { cancelEvent, createEvent, listRegistrations, updateEvent } from '../events/manage';
import { eventDetail, groupEvents, listEvents, myEvents } from '../events/queries';
import { recordEvent } from '../events/records';
import { cancelSignUp, registerOnBehalf, signUp } from '../events/signup';

export const handleEvents = createHandler(eventsFunction, {
  list: listEvents,
  groupEvents,
  detail: eventDetail,
  signUp,
  cancelSignUp,
  mine: myEvents,
  checkIn,
  create: createEvent,
  update: updateEvent,
  cancel: cancelEvent,
  registrations: listRegistrations,
  registerOnBehalf,
  markAttendance,
  checkInCode,
  record: recordEvent,
});
