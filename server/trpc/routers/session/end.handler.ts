import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { session } from "@/db/schema";
import { auditAction } from "@/server/trpc/audit";
import type { ProtectedContext } from "@/server/trpc/init";
import type { EndInput } from "./end.schema";

/** Ends one of the user's own sessions; anyone else's session id is simply not found. */
export async function endHandler({ ctx, input }: { ctx: ProtectedContext; input: EndInput }) {
  const ended = await ctx.db
    .delete(session)
    .where(
      and(eq(session.tenantId, ctx.tenant.id), eq(session.userId, ctx.session.userId), eq(session.id, input.sessionId)),
    )
    .returning({ id: session.id });
  if (ended.length === 0) throw new TRPCError({ code: "NOT_FOUND", message: "That session was not found." });
  await auditAction(ctx, {
    action: "session.end",
    subjectType: "session",
    subjectId: input.sessionId,
  });
  return { ended: 1, endedCurrent: input.sessionId === ctx.session.sessionId };
}
