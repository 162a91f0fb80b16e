import { and, eq, ne } from "drizzle-orm";
import { session } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import type { ProtectedContext } from "@/server/trpc/init";

/** Ends every session of the user except the one making this request. */
export async function endOthersHandler({ ctx }: { ctx: ProtectedContext }) {
  const ended = await ctx.db
    .delete(session)
    .where(
      and(eq(session.tenantId, ctx.tenant.id), eq(session.userId, ctx.session.userId), ne(session.id, ctx.session.sessionId)),
    )
    .returning({ id: session.id });
  await recordAudit(ctx.db, {
    tenantId: ctx.tenant.id,
    actorUserId: ctx.session.userId,
    action: "session.end_others",
    subjectType: "user",
    subjectId: ctx.session.userId,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
    details: { ended: ended.length },
  });
  return { ended: ended.length };
}
