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
  const written = attributes.filter((a) => next[a.id] !== undefined && changed.includes(a.id));
  const row = (attribute: AttributeMeta) => ({ tenantId: ctx.tenant.id, trackedEntityId: personId, attributeId: attribute.id, value: next[attribute.id]! });
  const write = (db: ProtectedContext["db"], rows: ReturnType<typeof row>[]) =>
    db
      .insert(attributeValue)
      .values(rows)
      .onConflictDoUpdate({
        target: [attributeValue.tenantId, attributeValue.trackedEntityId, attributeValue.attributeId],
        set: { value: sql`excluded.value`, updatedAt: sql`now()` },
      });
  // The values that cannot clash go in one statement: one round trip instead of one per value.
  const plain = written.filter((a) => !a.unique);
  if (plain.length) await write(ctx.db, plain.map(row));
  for (const attribute of written.filter((a) => a.unique)) {
    try {
      await ctx.db.transaction((savepoint) => write(savepoint, [row(attribute)]));
    } catch (error) {
      if (databaseError(error).constraint === "attribute_value_unique_per_tenant") {
        throw new TRPCError({ code: "CONFLICT", message: `This ${attribute.name} is already registered to another person.` });
      }
      throw error;
    }
  }
  return changed;
}
