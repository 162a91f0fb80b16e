import { eq } from "drizzle-orm";
import { tenant } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { loadSecurityPolicy } from "@/server/auth/security-policy";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import type { UpdateSecurityInput } from "./security.schema";

export async function getSecurityHandler({ ctx }: { ctx: ProtectedContext }) {
  ensureCan(ctx, "manageSecurity", "tenantSettings");
  return loadSecurityPolicy(ctx.db, ctx.tenant.id);
}

/** Replaces the tenant's security settings as a whole and audits before and after. */
export async function updateSecurityHandler({ ctx, input }: { ctx: ProtectedContext; input: UpdateSecurityInput }) {
  ensureCan(ctx, "manageSecurity", "tenantSettings");
  const before = await loadSecurityPolicy(ctx.db, ctx.tenant.id);
  const after = { ...input, password: { ...input.password, maxLength: before.password.maxLength } };
  const [row] = await ctx.db.select({ settings: tenant.settings }).from(tenant).where(eq(tenant.id, ctx.tenant.id));
  await ctx.db
    .update(tenant)
    .set({ settings: { ...(row?.settings ?? {}), security: after } })
    .where(eq(tenant.id, ctx.tenant.id));
  await recordAudit(ctx.db, {
    tenantId: ctx.tenant.id,
    actorUserId: ctx.session.userId,
    action: "tenant_settings.security_changed",
    subjectType: "tenant",
    subjectId: ctx.tenant.id,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
    details: { before, after },
  });
  return after;
}
