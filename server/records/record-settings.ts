import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { tenant } from "@/db/schema";

/**
 * A tenant's record settings (tenant.settings.records): how long breaking the glass lasts unless
 * a program says otherwise (the database reads the same key when it fills a grant), and how many
 * searchable attributes a search needs to reach beyond the capture scope when none identifies.
 */
const breakGlassMinutes = z
  .number("Enter the break-the-glass duration in minutes.")
  .int("Use whole minutes.")
  .min(1, "Breaking the glass must last at least 1 minute.")
  .max(1440, "Breaking the glass can last at most 24 hours (1440 minutes).");
const searchMinAttributes = z
  .number("Enter how many attributes a search needs.")
  .int("Use a whole number of attributes.")
  .min(1, "A search needs at least 1 attribute.")
  .max(5, "A search can require at most 5 attributes.");

/** The settings form: both values, with messages a person can act on (also used in the browser). */
export const recordSettingsInput = z.object({ breakGlassMinutes, searchMinAttributes });

/** The stored settings, with the defaults for whatever a tenant has not set. */
export const recordSettings = z.object({
  breakGlassMinutes: breakGlassMinutes.default(180),
  searchMinAttributes: searchMinAttributes.default(2),
});

export type RecordSettings = z.infer<typeof recordSettings>;

export async function loadRecordSettings(tx: Transaction, tenantId: string): Promise<RecordSettings> {
  const [row] = await tx.select({ settings: tenant.settings }).from(tenant).where(eq(tenant.id, tenantId));
  const parsed = recordSettings.safeParse((row?.settings as { records?: unknown } | null)?.records ?? {});
  return parsed.success ? parsed.data : recordSettings.parse({});
}
