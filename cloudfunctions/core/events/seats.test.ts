import { EVENT_LIMITS } from '../../../types/events';
import { leaveWaitlist, promote, releasePlace, seatFor } from './seats';

const seats = (capacity: number | null, registeredCount: number, waitlist: string[] = []) => ({ capacity, registeredCount, waitlist });

test('a place while one is free and nobody waits; otherwise the back of the line; full when the line is full', () => {
  expect(seatFor(seats(2, 1))).toBe('registered');
  expect(seatFor(seats(null, 5000))).toBe('registered');
  expect(seatFor(seats(2, 2))).toBe('waitlisted');
  // Never ahead of someone already waiting, even if a place were free.
  expect(seatFor(seats(3, 2, ['w1']))).toBe('waitlisted');
  expect(seatFor(seats(1, 1, Array.from({ length: EVENT_LIMITS.waitlist }, (_, i) => `w${i}`)))).toBe('full');
});

test('a released place goes to the first in line; raising capacity promotes as many as fit; unlimited takes everyone', () => {
  expect(releasePlace(seats(2, 2, ['a', 'b']))).toEqual({ promoted: ['a'], seats: seats(2, 2, ['b']) });
  expect(releasePlace(seats(2, 2))).toEqual({ promoted: [], seats: seats(2, 1) });
  expect(promote(seats(4, 2, ['a', 'b', 'c']))).toEqual({ promoted: ['a', 'b'], seats: seats(4, 4, ['c']) });
  expect(promote(seats(null, 2, ['a', 'b']))).toEqual({ promoted: ['a', 'b'], seats: seats(null, 4, []) });
  expect(promote(seats(2, 2, ['a']))).toEqual({ promoted: [], seats: seats(2, 2, ['a']) });
});

test('leaving the line keeps everyone else in order', () => {
  expect(leaveWaitlist(seats(1, 1, ['a', 'b', 'c']), 'b').waitlist).toEqual(['a', 'c']);
});
