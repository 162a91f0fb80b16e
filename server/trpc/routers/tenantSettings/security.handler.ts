import { eq } from "drizzle-orm";
import { tenant } from "@/db/schema";
import { loadSecurityPolicy } from "@/server/auth/security-policy";
import { auditAction } from "@/server/trpc/audit";
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
  await auditAction(ctx, {
    action: "tenant_settings.security_changed",
    subjectType: "tenant",
    subjectId: ctx.tenant.id,
    details: { before, after },
  });
  return after;
}
