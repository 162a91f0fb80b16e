import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { attributeValue, trackedEntity } from "@/db/schema";
import { visiblePerson } from "@/server/records/access";
import { IDENTIFYING_CHANGED, loadAuditSettings } from "@/server/audit/audit-settings";
import type { AttributeMeta } from "@/server/records/metadata";
import { typeAttributes } from "@/server/records/metadata-cache";
import { valuesSchema } from "@/server/records/value-schema";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditRecord } from "./audit-record";
import { parseValues } from "./parse-values";
import type { UpdateAttributesInput } from "./record.schema";
import { writeAttributeValues } from "./write-attributes";

/** Before and after of the changed attributes by name; identifying ones masked unless the tenant allows them. */
async function attributeDiff(
  ctx: ProtectedContext,
  attributes: readonly AttributeMeta[],
  changed: readonly string[],
  before: Record<string, string>,
  after: Record<string, string>,
) {
  const { identifyingInDiffs } = await loadAuditSettings(ctx.db, ctx.tenant.id);
  const side = (values: Record<string, string>) =>
    Object.fromEntries(
      attributes
        .filter((a) => changed.includes(a.id))
        .map((a) => [a.name, a.identifying && !identifyingInDiffs ? IDENTIFYING_CHANGED : (values[a.id] ?? null)]),
    );
  return { before: side(before), after: side(after) };
}

/** Replaces a visible, writable person's attributes with the form's (empty = removed). */
export async function updateAttributesHandler({ ctx, input }: { ctx: ProtectedContext; input: UpdateAttributesInput }) {
  ensureCan(ctx, "update", "trackedEntity");
  const person = await visiblePerson(ctx.db, ctx.tenant.id, input.personId);
  if (!person.writable) throw new TRPCError({ code: "FORBIDDEN", message: "Your access to this record is read-only." });
  const attributes = await typeAttributes(ctx, person.trackedEntityTypeId);
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
    await auditRecord(ctx, "record.updated", person.id, { attributeIds: changed }, { changes: await attributeDiff(ctx, attributes, changed, current, next) });
  }
  return { changed: changed.length };
}
