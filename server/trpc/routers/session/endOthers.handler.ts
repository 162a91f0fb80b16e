import { endUserSessions } from "@/server/auth/sessions";
import { recordAudit } from "@/server/audit/record";
import type { ProtectedContext } from "@/server/trpc/init";

/** Ends every session of the user except the one making this request. */
export async function endOthersHandler({ ctx }: { ctx: ProtectedContext }) {
  const ended = await endUserSessions(ctx.db, { tenantId: ctx.tenant.id, userId: ctx.session.userId, keep: ctx.session.sessionId });
  await recordAudit(ctx.db, {
    tenantId: ctx.tenant.id,
    actorUserId: ctx.session.userId,
    action: "session.end_others",
    subjectType: "user",
    subjectId: ctx.session.userId,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
    details: { ended },
  });
  return { ended };
}
