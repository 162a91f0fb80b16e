import { and, desc, eq } from "drizzle-orm";
import { securityFlag } from "@/db/schema";
import { describeBrowser } from "@/server/auth/browser";
import { auditAction } from "@/server/trpc/audit";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { afterCursorRow, decodeTimeCursor, encodeTimeCursor } from "@/server/trpc/keyset";
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
        after ? afterCursorRow("security_flag", "security_flag", "created_at", ctx.tenant.id, after) : undefined,
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
  // Flags name people and their addresses: say who looked and how many.
  await auditAction(ctx, {
    action: "security.flagsListed",
    subjectType: "securityFlag",
    details: { nextPage: Boolean(input.cursor), resultCount: page.length },
  });
  return { flags: page, next: rows.length > input.limit ? encodeTimeCursor(page.at(-1)!) : null };
}
