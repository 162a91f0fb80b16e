/**
 * Dates as day numbers (days since 1970-01-01, UTC), so the demo's calendar arithmetic is plain
 * integer arithmetic with no time-zone or daylight-saving surprises.
 */
const MS_PER_DAY = 86_400_000;

/** Today: the demo's dates are counted back from the day it is seeded, so it always looks recent. */
export const today = (): number => Math.floor(Date.now() / MS_PER_DAY);

export const isoDate = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** Midday of a day, for timestamps that stand for "that day". */
export const middayOf = (day: number): Date => new Date(day * MS_PER_DAY + MS_PER_DAY / 2);
