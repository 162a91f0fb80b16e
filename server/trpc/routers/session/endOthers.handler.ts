import { endUserSessions } from "@/server/auth/sessions";
import { auditAction } from "@/server/trpc/audit";
import type { ProtectedContext } from "@/server/trpc/init";

/** Ends every session of the user except the one making this request. */
export async function endOthersHandler({ ctx }: { ctx: ProtectedContext }) {
  const ended = await endUserSessions(ctx.db, { tenantId: ctx.tenant.id, userId: ctx.session.userId, keep: ctx.session.sessionId });
  await auditAction(ctx, {
    action: "session.end_others",
    subjectType: "user",
    subjectId: ctx.session.userId,
    details: { ended },
  });
  return { ended };
}
