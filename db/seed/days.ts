/**
 * Dates as day numbers (days since 1970-01-01, UTC), so the demo's calendar arithmetic is plain
 * integer arithmetic with no time-zone or daylight-saving surprises.
 */
const MS_PER_DAY = 86_400_000;

/** Today: the demo's dates are counted back from the day it is seeded, so it always looks recent. */
export const today = (): number => Math.floor(Date.now() / MS_PER_DAY);

export const isoDate = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/**
 * Midday of a day, for timestamps that stand for "that day" — or now, when that day is today and
 * midday is still to come: a seeded moment in the future would sort after anything a user does
 * today (a record's history listed a transfer made this morning before the enrolment).
 */
export const middayOf = (day: number, now = Date.now()): Date => new Date(Math.min(day * MS_PER_DAY + MS_PER_DAY / 2, now));
