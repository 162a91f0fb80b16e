import { auditAction } from "@/server/trpc/audit";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { decodeTimeCursor, encodeTimeCursor } from "@/server/trpc/keyset";
import { findEvents } from "./find-events";
import type { ListInput } from "./list.schema";

/** How much of an event's hash the list shows: enough to tell events apart and compare with an export. */
const HASH_PREFIX = 12;

/**
 * One page of the tenant's audit trail, newest first. The first page of each search is audited —
 * who looked at which slice of the trail, with the person, program and unit filtered on — but
 * paging on is not: every "Load more" would append an event about reading events, flooding the
 * very trail being read. Exports and integrity checks are audited by their own procedures.
 */
export async function listHandler({ ctx, input }: { ctx: ProtectedContext; input: ListInput }) {
  ensureCan(ctx, "read", "auditLog");
  const after = input.cursor ? decodeTimeCursor(input.cursor) : null;
  const rows = await findEvents(ctx, input.filters, { after, limit: input.limit + 1 });
  const events = rows.slice(0, input.limit).map(({ hash, ...row }) => ({ ...row, hashPrefix: hash?.slice(0, HASH_PREFIX) ?? null }));
  if (!input.cursor) {
    await auditAction(ctx, {
      action: "audit.listed",
      subjectType: "auditLog",
      personId: input.filters.personId,
      programId: input.filters.programId,
      orgUnitId: input.filters.orgUnitId,
      details: { filters: input.filters, rows: events.length },
    });
  }
  const last = events.at(-1);
  return { events, next: rows.length > input.limit && last ? encodeTimeCursor({ at: new Date(last.at), id: last.id }) : null };
}
