import { TRPCError } from "@trpc/server";
import { z } from "zod";

/** Keyset cursor for search results ordered by (normalized value, person id); opaque to the client. */
const cursorShape = z.tuple([z.string().max(400), z.uuid()]);

export const encodeSearchCursor = (row: { key: string; id: string }) => Buffer.from(JSON.stringify([row.key, row.id])).toString("base64url");

export function decodeSearchCursor(cursor: string): { key: string; id: string } {
  try {
    const [key, id] = cursorShape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { key, id };
  } catch {
    throw new TRPCError({ code: "BAD_REQUEST", message: "That page link is no longer valid; search again." });
  }
}
