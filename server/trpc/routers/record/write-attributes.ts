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
        throw alreadyRegistered(attribute);
      }
      throw error;
    }
  }
  return changed;
}

/**
 * The values of a person created in this transaction, as statements for `inOrder` after the
 * person's row: the plain ones in one insert, the unique ones in another that skips a value some
 * other person already holds (ON CONFLICT DO NOTHING) and then names the first such attribute
 * with the same CONFLICT as writeAttributeValues — no savepoint, so no round trip of its own. The
 * error rolls back the whole transaction like any other.
 */
export function newPersonValueWrites(
  ctx: ProtectedContext,
  personId: string,
  attributes: readonly AttributeMeta[],
  values: Record<string, string>,
): (() => PromiseLike<unknown>)[] {
  const rows = (list: readonly AttributeMeta[]) =>
    list.map((attribute) => ({ tenantId: ctx.tenant.id, trackedEntityId: personId, attributeId: attribute.id, value: values[attribute.id]! }));
  const written = writtenAttributes(attributes, values);
  const plain = written.filter((a) => !a.unique);
  const unique = written.filter((a) => a.unique);
  const writes: (() => PromiseLike<unknown>)[] = [];
  if (plain.length) writes.push(() => ctx.db.insert(attributeValue).values(rows(plain)));
  if (unique.length) {
    writes.push(async () => {
      const inserted = await ctx.db.insert(attributeValue).values(rows(unique)).onConflictDoNothing().returning({ attributeId: attributeValue.attributeId });
      const held = unique.find((a) => !inserted.some((row) => row.attributeId === a.id));
      if (held) throw alreadyRegistered(held);
    });
  }
  return writes;
}

const alreadyRegistered = (attribute: AttributeMeta) =>
  new TRPCError({ code: "CONFLICT", message: `This ${attribute.name} is already registered to another person.` });

const writtenAttributes = (attributes: readonly AttributeMeta[], values: Record<string, string>) => attributes.filter((a) => values[a.id] !== undefined);

/** What a new person's row holds as the copy of the values newPersonValueWrites writes for them. */
export function storedValues(attributes: readonly AttributeMeta[], values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(writtenAttributes(attributes, values).map((a) => [a.id, values[a.id]!]));
}
