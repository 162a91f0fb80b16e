import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { tenant } from "@/db/schema";

/**
 * A tenant's retention settings (tenant.settings.retention): how many years event data and the
 * audit trail are kept (null keeps them forever), the last dry run and the settings an admin
 * approved by applying one. The daily job acts only on approved settings that are still current,
 * so changing a number stops it until someone has looked at a new dry run and applied it.
 */
const eventDataYears = z
  .number("Enter the number of years, or leave it empty to keep event data forever.")
  .int("Use whole years.")
  .min(1, "Event data must be kept at least 1 year.")
  .max(100, "Use at most 100 years.");
const auditYears = z
  .number("Enter the number of years, or leave it empty to keep the audit trail forever.")
  .int("Use whole years.")
  .min(1, "The audit trail must be kept at least 1 year.")
  .max(100, "Use at most 100 years.");

/** The settings form (also used in the browser): both periods, null meaning "keep forever". */
export const retentionSettingsInput = z.object({ eventDataYears: eventDataYears.nullable(), auditYears: auditYears.nullable() });
export type RetentionPeriods = z.infer<typeof retentionSettingsInput>;

/**
 * A dry run: the periods it was made for, the cutoffs they gave at `at`, and what applying it
 * removes — events that occurred before `eventsBefore` (a date), and the audit events before
 * `auditBefore` up to the first one that is not (the chain is purged from its start only).
 */
export const retentionPreview = retentionSettingsInput.extend({
  at: z.string(),
  eventsBefore: z.string().nullable(),
  auditBefore: z.string().nullable(),
  events: z.number().int(),
  auditEvents: z.number().int(),
});
export type RetentionPreview = z.infer<typeof retentionPreview>;

const storedSettings = z.object({
  eventDataYears: eventDataYears.nullable().default(null),
  auditYears: auditYears.nullable().default(null),
  lastPreview: retentionPreview.nullable().default(null),
  approved: retentionSettingsInput.nullable().default(null),
});
export type RetentionSettings = z.infer<typeof storedSettings>;

/** The stored settings, or "keep everything" when they are absent or malformed. */
export function parseRetentionSettings(settings: unknown): RetentionSettings {
  const parsed = storedSettings.safeParse((settings as { retention?: unknown } | null)?.retention ?? {});
  return parsed.success ? parsed.data : storedSettings.parse({});
}

export async function loadRetentionSettings(tx: Transaction, tenantId: string): Promise<RetentionSettings> {
  const [row] = await tx.select({ settings: tenant.settings }).from(tenant).where(eq(tenant.id, tenantId));
  return parseRetentionSettings(row?.settings);
}

export const samePeriods = (a: RetentionPeriods, b: RetentionPeriods) => a.eventDataYears === b.eventDataYears && a.auditYears === b.auditYears;

/** The last dry run, if it was made for the settings as they are now. */
export const currentPreview = (settings: RetentionSettings) =>
  settings.lastPreview && samePeriods(settings.lastPreview, settings) ? settings.lastPreview : null;

/** Whether the daily job acts for this tenant: something is limited, and an admin applied exactly these settings. */
export const runsDaily = (settings: RetentionSettings) =>
  (settings.eventDataYears !== null || settings.auditYears !== null) && !!settings.approved && samePeriods(settings.approved, settings);

/** The cutoffs `years` before `now`: a date for events (they carry a day), a moment for the audit trail. */
export function cutoffsAt(periods: RetentionPeriods, now: Date): { eventsBefore: string | null; auditBefore: string | null } {
  const yearsBefore = (years: number) => {
    const moment = new Date(now);
    moment.setUTCFullYear(moment.getUTCFullYear() - years);
    return moment.toISOString();
  };
  return {
    eventsBefore: periods.eventDataYears === null ? null : yearsBefore(periods.eventDataYears).slice(0, 10),
    auditBefore: periods.auditYears === null ? null : yearsBefore(periods.auditYears),
  };
}
