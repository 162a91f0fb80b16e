import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { attributeValue, trackedEntity } from "@/db/schema";
import { visiblePerson } from "@/server/records/access";
import { loadTypeAttributes } from "@/server/records/metadata";
import { valuesSchema } from "@/server/records/value-schema";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditRecord } from "./audit-record";
import { parseValues } from "./parse-values";
import type { UpdateAttributesInput } from "./record.schema";
import { writeAttributeValues } from "./write-attributes";

/** Replaces a visible, writable person's attributes with the form's (empty = removed). */
export async function updateAttributesHandler({ ctx, input }: { ctx: ProtectedContext; input: UpdateAttributesInput }) {
  ensureCan(ctx, "update", "trackedEntity");
  const person = await visiblePerson(ctx.db, ctx.tenant.id, input.personId);
  if (!person.writable) throw new TRPCError({ code: "FORBIDDEN", message: "Your access to this record is read-only." });
  const attributes = await loadTypeAttributes(ctx.db, ctx.tenant.id, person.trackedEntityTypeId);
  const next = parseValues(valuesSchema(attributes), input.attributes);
  const rows = await ctx.db
    .select({ attributeId: attributeValue.attributeId, value: attributeValue.value })
    .from(attributeValue)
    .where(and(eq(attributeValue.tenantId, ctx.tenant.id), eq(attributeValue.trackedEntityId, person.id)));
  const current = Object.fromEntries(rows.map((r) => [r.attributeId, r.value]));
  const changed = await writeAttributeValues(ctx, person.id, attributes, next, current);
  if (changed.length) {
    await ctx.db
      .update(trackedEntity)
      .set({ updatedAt: sql`now()` })
      .where(and(eq(trackedEntity.tenantId, ctx.tenant.id), eq(trackedEntity.id, person.id)));
    await auditRecord(ctx, "record.updated", person.id, { attributeIds: changed });
  }
  return { changed: changed.length };
}
