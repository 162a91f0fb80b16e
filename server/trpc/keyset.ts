import { TRPCError } from "@trpc/server";
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
