import { and, desc, eq, gt, sql } from "drizzle-orm";
import { session } from "@/db/schema";
import { describeBrowser } from "@/server/auth/browser";
import { loadSecurityPolicy } from "@/server/auth/security-policy";
import type { ProtectedContext } from "@/server/trpc/init";

/** The signed-in user's live sessions, newest activity first, the current one marked. */
export async function listHandler({ ctx }: { ctx: ProtectedContext }) {
  const { idleMinutes } = (await loadSecurityPolicy(ctx.db, ctx.tenant.id)).session;
  const rows = await ctx.db
    .select()
    .from(session)
    .where(
      and(
        eq(session.tenantId, ctx.tenant.id),
        eq(session.userId, ctx.session.userId),
        gt(session.expiresAt, sql`now()`),
        gt(session.lastSeenAt, sql`now() - make_interval(mins => ${idleMinutes})`),
      ),
    )
    .orderBy(desc(session.lastSeenAt))
    .limit(100);
  return rows.map((row) => ({
    id: row.id,
    browser: describeBrowser(row.userAgent),
    ip: row.ip,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.id === ctx.session.sessionId,
  }));
}
