import { TRPCError } from "@trpc/server";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";

/**
 * Keyset cursors for lists ordered newest first by (timestamp, id): opaque to the client,
 * validated on the way back in.
 */
export const timeCursor = z.string().max(120).nullish();

export function encodeTimeCursor(row: { at: Date; id: string }): string {
  return Buffer.from(`${row.at.toISOString()}|${row.id}`).toString("base64url");
}

export function decodeTimeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (!id || Number.isNaN(at.getTime()) || !z.uuid().safeParse(id).success) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "That page link is no longer valid; start from the first page." });
  }
  return { at, id };
}

/**
 * "After the cursor row" in (time desc, id desc) order, for a table with a tenant_id. The cursor
 * keeps milliseconds while PostgreSQL keeps microseconds (and one transaction stamps its rows
 * alike), so comparing with the cursor's rounded time would skip or repeat rows: this compares
 * with the cursor row's exact key, found by id within the cursor's millisecond (which also lets
 * a primary key that leads with the time find it).
 */
export function afterCursorRow(table: string, alias: string, timeColumn: string, tenantId: string, after: { at: Date; id: string }): SQL {
  const [t, a, time] = [sql.identifier(table), sql.identifier(alias), sql.identifier(timeColumn)];
  const at = after.at.toISOString();
  return sql`(${a}.${time}, ${a}.id) < (select c.${time}, c.id from ${t} c
    where c.tenant_id = ${tenantId} and c.id = ${after.id}
      and c.${time} >= ${at}::timestamptz and c.${time} < ${at}::timestamptz + interval '1 millisecond')`;
}
