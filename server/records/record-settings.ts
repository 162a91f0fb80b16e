import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { tenant } from "@/db/schema";

/**
 * A tenant's record settings (tenant.settings.records): how long breaking the glass lasts unless
 * a program says otherwise (the database reads the same key when it fills a grant), and how many
 * searchable attributes a search needs to reach beyond the capture scope when none identifies.
 */
export const recordSettings = z.object({
  breakGlassMinutes: z.number().int().min(1).max(1440).default(180),
  searchMinAttributes: z.number().int().min(1).max(5).default(2),
});

export type RecordSettings = z.infer<typeof recordSettings>;

export async function loadRecordSettings(tx: Transaction, tenantId: string): Promise<RecordSettings> {
  const [row] = await tx.select({ settings: tenant.settings }).from(tenant).where(eq(tenant.id, tenantId));
  const parsed = recordSettings.safeParse((row?.settings as { records?: unknown } | null)?.records ?? {});
  return parsed.success ? parsed.data : recordSettings.parse({});
}
