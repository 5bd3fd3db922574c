import { baseFunction } from '../../../types/base';
import { book } from '../base/book';
import { cancelBooking, decideBooking, myBookings } from '../base/bookings';
import { roomCalendar } from '../base/calendar';
import { listRooms, saveBase, saveRoom } from '../base/rooms';
import { createHandler } from '../dispatch';

export const handleBase = createHandler(baseFunction, {
  rooms: listRooms,
  calendar: roomCalendar,
  saveBase,
  saveRoom,
  book,
  cancelBooking,
  decideBooking,
  myBookings,
});
