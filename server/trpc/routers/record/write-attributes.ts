import { TRPCError } from "@trpc/server";
import { and, eq, inArray, sql } from "drizzle-orm";
import { attributeValue } from "@/db/schema";
import type { AttributeMeta } from "@/server/records/metadata";
import { databaseError } from "@/server/trpc/db-errors";
import type { ProtectedContext } from "@/server/trpc/init";

/**
 * Brings a person's stored values to `next` (removing the ones left empty), and returns the ids
 * that changed. A unique attribute is written in its own savepoint so that a clash names the
 * attribute — and says nothing about whose record holds the value.
 */
export async function writeAttributeValues(
  ctx: ProtectedContext,
  personId: string,
  attributes: readonly AttributeMeta[],
  next: Record<string, string>,
  current: Record<string, string>,
): Promise<string[]> {
  const changed = attributes.map((a) => a.id).filter((id) => next[id] !== current[id]);
  const removed = changed.filter((id) => next[id] === undefined);
  if (removed.length) {
    await ctx.db
      .delete(attributeValue)
      .where(and(eq(attributeValue.tenantId, ctx.tenant.id), eq(attributeValue.trackedEntityId, personId), inArray(attributeValue.attributeId, removed)));
  }
  for (const attribute of attributes) {
    const value = next[attribute.id];
    if (value === undefined || !changed.includes(attribute.id)) continue;
    const write = (db: ProtectedContext["db"]) =>
      db
        .insert(attributeValue)
        .values({ tenantId: ctx.tenant.id, trackedEntityId: personId, attributeId: attribute.id, value })
        .onConflictDoUpdate({
          target: [attributeValue.tenantId, attributeValue.trackedEntityId, attributeValue.attributeId],
          set: { value, updatedAt: sql`now()` },
        });
    if (!attribute.unique) {
      await write(ctx.db);
      continue;
    }
    try {
      await ctx.db.transaction((savepoint) => write(savepoint));
    } catch (error) {
      if (databaseError(error).constraint === "attribute_value_unique_per_tenant") {
        throw new TRPCError({ code: "CONFLICT", message: `This ${attribute.name} is already registered to another person.` });
      }
      throw error;
    }
  }
  return changed;
}
