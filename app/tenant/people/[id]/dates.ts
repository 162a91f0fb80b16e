/**
 * Today as YYYY-MM-DD in UTC — the day the server compares enrolment and event dates with, so a
 * date the form accepts is one the server accepts.
 */
export const today = () => new Date().toISOString().slice(0, 10);

const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });

/** A stored date (YYYY-MM-DD) as people read it; read in UTC so it never shifts by a day. */
export const formatDay = (isoDate: string) => day.format(new Date(`${isoDate}T00:00:00Z`));
