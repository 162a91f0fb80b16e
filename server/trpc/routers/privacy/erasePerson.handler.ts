import { TRPCError } from "@trpc/server";
import { and, eq, inArray, sql } from "drizzle-orm";
import { attributeValue, trackedEntity } from "@/db/schema";
import { visiblePerson } from "@/server/records/access";
import { loadTypeAttributes } from "@/server/records/metadata";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditRecord } from "../record/audit-record";
import type { ErasePersonInput } from "./privacy.schema";

/**
 * Erasure on request: the person's identifying values — every attribute that is identifying,
 * unique or searchable, since those single a person out or find them — are deleted and the
 * record becomes a tombstone (erased_at, ground). Enrolments and events stay, without anything
 * that names the person, so aggregates stay correct; the audit trail is untouched (its diffs
 * never held identifying values unless the tenant chose so), so its chain still verifies.
 */
export async function erasePersonHandler({ ctx, input }: { ctx: ProtectedContext; input: ErasePersonInput }) {
  ensureCan(ctx, "erase", "trackedEntity");
  const tenantId = ctx.tenant.id;
  const person = await visiblePerson(ctx.db, tenantId, input.personId);
  if (!person.writable) throw new TRPCError({ code: "FORBIDDEN", message: "Your access to this record is read-only." });
  const [state] = await ctx.db
    .select({ erasedAt: trackedEntity.erasedAt })
    .from(trackedEntity)
    .where(and(eq(trackedEntity.tenantId, tenantId), eq(trackedEntity.id, person.id)));
  if (state?.erasedAt) throw new TRPCError({ code: "CONFLICT", message: "This record was erased already." });
  const attributes = await loadTypeAttributes(ctx.db, tenantId, person.trackedEntityTypeId);
  const identifying = attributes.filter((a) => a.identifying || a.unique || a.searchable).map((a) => a.id);
  const removed = identifying.length
    ? await ctx.db
        .delete(attributeValue)
        .where(and(eq(attributeValue.tenantId, tenantId), eq(attributeValue.trackedEntityId, person.id), inArray(attributeValue.attributeId, identifying)))
        .returning({ attributeId: attributeValue.attributeId })
    : [];
  await ctx.db
    .update(trackedEntity)
    .set({ erasedAt: sql`now()`, erasedBy: ctx.session.userId, erasureGround: input.ground, updatedAt: sql`now()` })
    .where(and(eq(trackedEntity.tenantId, tenantId), eq(trackedEntity.id, person.id)));
  await auditRecord(ctx, "record.erased", person.id, { ground: input.ground, removedAttributeIds: removed.map((r) => r.attributeId) }, { reason: input.note });
  return { erased: true, removedValues: removed.length };
}
