import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { userScope } from "@/db/schema";
import { scopeReport } from "@/server/access/scope-report";
import { SCOPE_KINDS, unitsById } from "@/server/access/scopes";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditUserAction, findUser } from "./find-user";
import type { SetScopesInput } from "./scopes.schema";
import type { UserIdInput } from "./user-id.schema";

export async function userScopesHandler({ ctx, input }: { ctx: ProtectedContext; input: UserIdInput }) {
  ensureCan(ctx, "read", "user");
  const user = await findUser(ctx, input.userId);
  await auditUserAction(ctx, "user.scopesRead", user.id);
  return scopeReport(ctx.db, ctx.tenant.id, user.id);
}

/** Replaces a user's three scopes; every unit must be in this tenant. Audited with before and after. */
export async function setScopesHandler({ ctx, input }: { ctx: ProtectedContext; input: SetScopesInput }) {
  ensureCan(ctx, "update", "user");
  const user = await findUser(ctx, input.userId);
  const units = await unitsById(ctx.db, ctx.tenant.id, [...input.capture, ...input.search, ...input.analytics]);
  if (!units) throw new TRPCError({ code: "BAD_REQUEST", message: "One of the organisation units was not found." });

  const before = await scopeReport(ctx.db, ctx.tenant.id, user.id);
  await ctx.db.delete(userScope).where(and(eq(userScope.tenantId, ctx.tenant.id), eq(userScope.userId, user.id)));
  const rows = SCOPE_KINDS.flatMap((kind) => [...new Set(input[kind])].map((orgUnitId) => ({ tenantId: ctx.tenant.id, userId: user.id, kind, orgUnitId })));
  if (rows.length) await ctx.db.insert(userScope).values(rows);
  const after = await scopeReport(ctx.db, ctx.tenant.id, user.id);
  await auditUserAction(ctx, "user.scopes_changed", user.id, { before: before.assigned, after: after.assigned });
  return after;
}
