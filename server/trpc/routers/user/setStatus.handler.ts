import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { userAccount } from "@/db/schema";
import { roleKeysOf } from "@/server/auth/account";
import { endUserSessions } from "@/server/auth/sessions";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditUserAction, findUser } from "./find-user";
import { otherActiveAdmins } from "./last-admin";
import type { SetStatusInput } from "./setStatus.schema";

/** Users are disabled, never deleted; disabling ends all their sessions at once. */
export async function setStatusHandler({ ctx, input }: { ctx: ProtectedContext; input: SetStatusInput }) {
  ensureCan(ctx, "update", "user");
  const user = await findUser(ctx, input.userId);
  if (user.status === input.status) return { status: user.status, endedSessions: 0 };
  let endedSessions = 0;
  if (input.status === "disabled") {
    if (user.id === ctx.session.userId) throw new TRPCError({ code: "BAD_REQUEST", message: "You cannot disable your own account." });
    const isAdmin = (await roleKeysOf(ctx.db, ctx.tenant.id, user.id)).includes("tenant_admin");
    if (isAdmin && (await otherActiveAdmins(ctx, user.id)) === 0) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "This is the last active tenant admin; it cannot be disabled." });
    }
    endedSessions = await endUserSessions(ctx.db, { tenantId: ctx.tenant.id, userId: user.id });
  }
  await ctx.db
    .update(userAccount)
    .set({ status: input.status, updatedAt: sql`now()` })
    .where(and(eq(userAccount.tenantId, ctx.tenant.id), eq(userAccount.id, user.id)));
  await auditUserAction(ctx, input.status === "disabled" ? "user.disabled" : "user.enabled", user.id, { endedSessions });
  return { status: input.status, endedSessions };
}
