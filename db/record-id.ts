import { v7 } from "uuid";

const DAY_MS = 86_400_000;

/**
 * A new id for a row: a version 7 UUID whose timestamp is the start of the current UTC day, with
 * 74 random bits after it — the layout of the database's `new_record_id()` (migration 0048), the
 * default of every tenant table's id, for the ids a handler must know before it writes.
 *
 * Why not random (v4): a random key lands each insert on a random leaf of every index that holds
 * it, so after each checkpoint nearly every capture rewrote whole index pages into the WAL
 * (~16 full-page images per capture at size M). Ids of one day share their first 48 bits, so a
 * day's inserts stay on a few hot pages (README, Performance: "Day-stamped ids").
 *
 * Why not a full v7: its millisecond timestamp would tell anyone holding an id — a link passed
 * outside the record's scope — when the record was made, to the millisecond. The day alone is
 * what every record already shows those allowed to see it (its registration, enrolment or event
 * date); RFC 9562 §6.1 lets a v7 timestamp be coarsened for exactly this reason. The bits after
 * the day are random, not a counter, so two ids do not reveal how many rows were made between them.
 */
export function newRecordId(now: number = Date.now()): string {
  return v7({ msecs: now - (now % DAY_MS) });
}
