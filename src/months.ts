/**
 * The calendar months by their English names, January first: the values of the form's
 * `event_month` (reference `MONTH_NAMES`) and the months named in messages about
 * outdoor temperatures.
 *
 * @module
 */

/** The English month names, January first. */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** An English month name. */
export type MonthName = typeof MONTH_NAMES[number];
