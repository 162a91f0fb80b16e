import { eq, sql } from "drizzle-orm";
import { tenant } from "@/db/schema";
import { loadRetentionSettings } from "@/server/jobs/retention-settings";
import { auditAction } from "@/server/trpc/audit";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import type { UpdateRetentionInput } from "./update.schema";

/**
 * Sets the retention periods and audits before and after. Only the two periods are written, so
 * the last dry run and the approval stay and simply stop counting as current if the periods
 * differ: the daily job then waits for a new dry run to be applied.
 */
export async function updateRetentionHandler({ ctx, input }: { ctx: ProtectedContext; input: UpdateRetentionInput }) {
  ensureCan(ctx, "manageSecurity", "tenantSettings");
  const { eventDataYears, auditYears } = await loadRetentionSettings(ctx.db, ctx.tenant.id);
  await ctx.db
    .update(tenant)
    .set({ settings: sql`jsonb_set(${tenant.settings}, '{retention}', coalesce(${tenant.settings}->'retention', '{}') || ${JSON.stringify(input)}::jsonb)` })
    .where(eq(tenant.id, ctx.tenant.id));
  await auditAction(ctx, {
    action: "tenant_settings.retention_changed",
    subjectType: "tenant",
    subjectId: ctx.tenant.id,
    details: { before: { eventDataYears, auditYears }, after: input },
  });
  return input;
}
