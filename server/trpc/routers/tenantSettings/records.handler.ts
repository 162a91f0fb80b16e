import { eq, sql } from "drizzle-orm";
import { tenant } from "@/db/schema";
import { loadRecordSettings } from "@/server/records/record-settings";
import { auditAction } from "@/server/trpc/audit";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import type { UpdateRecordsInput } from "./records.schema";

export async function getRecordsHandler({ ctx }: { ctx: ProtectedContext }) {
  ensureCan(ctx, "manageSecurity", "tenantSettings");
  return loadRecordSettings(ctx.db, ctx.tenant.id);
}

/**
 * Replaces the tenant's record settings and audits before and after. Only the `records` key is
 * written (jsonb_set), so a concurrent change to another part of the settings is not lost.
 */
export async function updateRecordsHandler({ ctx, input }: { ctx: ProtectedContext; input: UpdateRecordsInput }) {
  ensureCan(ctx, "manageSecurity", "tenantSettings");
  const before = await loadRecordSettings(ctx.db, ctx.tenant.id);
  const after = input;
  await ctx.db
    .update(tenant)
    .set({ settings: sql`jsonb_set(${tenant.settings}, '{records}', ${JSON.stringify(after)}::jsonb)` })
    .where(eq(tenant.id, ctx.tenant.id));
  await auditAction(ctx, {
    action: "tenant_settings.records_changed",
    subjectType: "tenant",
    subjectId: ctx.tenant.id,
    details: { before, after },
  });
  return after;
}
