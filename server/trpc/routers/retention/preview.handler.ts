import { eq, sql } from "drizzle-orm";
import { adminDb } from "@/db/client";
import { tenant } from "@/db/schema";
import { previewRetention } from "@/server/jobs/retention";
import { auditAction } from "@/server/trpc/audit";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";

/**
 * The dry run: counts what the current settings would remove, keeps it as the tenant's last
 * preview (the one "Apply now" may apply) and audits it. The counting runs on the owner
 * connection, bound to this request's tenant: the caller's own scope must not shrink the figures.
 */
export async function previewRetentionHandler({ ctx }: { ctx: ProtectedContext }) {
  ensureCan(ctx, "manageSecurity", "tenantSettings");
  const preview = await previewRetention(adminDb(), ctx.tenant.id, new Date());
  await ctx.db
    .update(tenant)
    .set({ settings: sql`jsonb_set(${tenant.settings}, '{retention}', coalesce(${tenant.settings}->'retention', '{}') || ${JSON.stringify({ lastPreview: preview })}::jsonb)` })
    .where(eq(tenant.id, ctx.tenant.id));
  await auditAction(ctx, { action: "retention.previewed", subjectType: "tenant", subjectId: ctx.tenant.id, details: preview });
  return preview;
}
