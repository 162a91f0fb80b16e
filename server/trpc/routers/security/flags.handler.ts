import { and, desc, eq, lt, or } from "drizzle-orm";
import { securityFlag } from "@/db/schema";
import { describeBrowser } from "@/server/auth/browser";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { decodeTimeCursor, encodeTimeCursor } from "@/server/trpc/keyset";
import type { FlagsInput } from "./attempts.schema";

export async function flagsHandler({ ctx, input }: { ctx: ProtectedContext; input: FlagsInput }) {
  ensureCan(ctx, "manageSecurity", "tenantSettings");
  const after = input.cursor ? decodeTimeCursor(input.cursor) : null;
  const rows = await ctx.db
    .select()
    .from(securityFlag)
    .where(
      and(
        eq(securityFlag.tenantId, ctx.tenant.id),
        after
          ? or(lt(securityFlag.createdAt, after.at), and(eq(securityFlag.createdAt, after.at), lt(securityFlag.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(securityFlag.createdAt), desc(securityFlag.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit).map((row) => ({
    id: row.id,
    at: row.createdAt,
    kind: row.kind,
    email: row.email,
    ip: row.ip,
    browser: describeBrowser(row.userAgent),
    details: row.details,
  }));
  return { flags: page, next: rows.length > input.limit ? encodeTimeCursor(page.at(-1)!) : null };
}
