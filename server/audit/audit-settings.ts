import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { tenant } from "@/db/schema";

/**
 * A tenant's audit settings (tenant.settings.audit). Identifying attributes (a national id, a
 * phone) stay out of audit diffs unless the tenant decides its trail may hold them.
 */
export const auditSettings = z.object({ identifyingInDiffs: z.boolean().default(false) });
export type AuditSettings = z.infer<typeof auditSettings>;

export async function loadAuditSettings(tx: Transaction, tenantId: string): Promise<AuditSettings> {
  const [row] = await tx.select({ settings: tenant.settings }).from(tenant).where(eq(tenant.id, tenantId));
  const parsed = auditSettings.safeParse((row?.settings as { audit?: unknown } | null)?.audit ?? {});
  return parsed.success ? parsed.data : auditSettings.parse({});
}

export const IDENTIFYING_CHANGED = "[identifying value changed]";
