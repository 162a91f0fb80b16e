import { eq, sql } from "drizzle-orm";
import { tenant } from "@/db/schema";
import { loadAuditSettings } from "@/server/audit/audit-settings";
import { auditAction } from "@/server/trpc/audit";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import type { UpdateAuditInput } from "./audit.schema";

export async function getAuditHandler({ ctx }: { ctx: ProtectedContext }) {
  ensureCan(ctx, "manageSecurity", "tenantSettings");
  return loadAuditSettings(ctx.db, ctx.tenant.id);
}

/** Whether audit diffs may hold identifying values; only the `audit` key is written. Audited. */
export async function updateAuditHandler({ ctx, input }: { ctx: ProtectedContext; input: UpdateAuditInput }) {
  ensureCan(ctx, "manageSecurity", "tenantSettings");
  const before = await loadAuditSettings(ctx.db, ctx.tenant.id);
  await ctx.db
    .update(tenant)
    .set({ settings: sql`jsonb_set(${tenant.settings}, '{audit}', ${JSON.stringify(input)}::jsonb)` })
    .where(eq(tenant.id, ctx.tenant.id));
  await auditAction(ctx, { action: "tenant_settings.audit_changed", subjectType: "tenant", subjectId: ctx.tenant.id, changes: { before, after: input } });
  return input;
}
