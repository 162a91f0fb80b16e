import { sql } from "drizzle-orm";
import { visiblePerson } from "@/server/records/access";
import { afterCursorRow, decodeTimeCursor, encodeTimeCursor } from "@/server/trpc/keyset";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditRecord } from "./audit-record";
import type { AccessLogInput } from "./record.schema";

const PAGE = 20;

/**
 * "Who accessed this record": the audit events about the person, newest first — who (by their name
 * at the time), what and why — for audit readers who can see the record.
 */
export async function accessLogHandler({ ctx, input }: { ctx: ProtectedContext; input: AccessLogInput }) {
  ensureCan(ctx, "read", "auditLog");
  const person = await visiblePerson(ctx.db, ctx.tenant.id, input.personId);
  const after = input.cursor ? decodeTimeCursor(input.cursor) : null;
  const rows = await ctx.db.execute<{ id: string; occurred_at: Date | string; action: string; actor_name: string | null; reason: string | null; details: Record<string, unknown> }>(sql`
    select a.id, a.occurred_at, a.action, a.actor_name, a.reason, a.details
    from audit_event a
    where a.tenant_id = ${ctx.tenant.id} and a.person_id = ${person.id}
      ${after ? sql`and ${afterCursorRow("audit_event", "a", "occurred_at", ctx.tenant.id, after)}` : sql``}
    order by a.occurred_at desc, a.id desc
    limit ${PAGE + 1}`);
  const items = rows.slice(0, PAGE).map((r) => ({
    id: r.id,
    at: new Date(r.occurred_at),
    action: r.action,
    actorName: r.actor_name,
    underGrant: Array.isArray(r.details.grantIds) && r.details.grantIds.length > 0,
    reason: r.reason,
  }));
  // Reading who accessed a record is itself a read of that record's history.
  await auditRecord(ctx, "record.accessLogRead", person.id, { rows: items.length });
  const last = items.at(-1);
  return { items, nextCursor: rows.length > PAGE && last ? encodeTimeCursor({ at: last.at, id: last.id }) : null };
}
