import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { tenant } from "@/db/schema";
import { log } from "@/server/log";
import { applyRetention, previewRetention } from "./retention";
import { parseRetentionSettings, runsDaily } from "./retention-settings";

export const RETENTION_JOB_ACTOR = { actorName: "Retention (daily job)" };

/**
 * The daily run. For every active tenant whose admin applied its current settings after a dry
 * run, it makes a fresh dry run and applies exactly that; the report is kept in the
 * `retention.applied` audit event and the audit_purge record. Tenants with nothing to remove are
 * left untouched (no audit event either). One tenant's failure does not stop the others; the run
 * then fails as a whole so the queue records it and retries (a retry finds done work already done).
 */
export async function runScheduledRetention(owner: Database, now: Date): Promise<void> {
  // The owner may list tenants (policy tenant_owner_read); nothing else here crosses tenants.
  const tenants = await owner.select({ id: tenant.id, slug: tenant.slug, settings: tenant.settings }).from(tenant).where(eq(tenant.status, "active"));
  const failed: string[] = [];
  for (const { id, slug, settings } of tenants) {
    if (!runsDaily(parseRetentionSettings(settings))) continue;
    try {
      const preview = await previewRetention(owner, id, now);
      if (preview.events === 0 && preview.auditEvents === 0) continue;
      const outcome = await applyRetention(owner, id, preview, RETENTION_JOB_ACTOR);
      log.info({ tenant: slug, outcome }, "retention applied");
    } catch (error) {
      log.error({ tenant: slug, err: error }, "retention failed");
      failed.push(slug);
    }
  }
  if (failed.length) throw new Error(`retention failed for ${failed.join(", ")}`);
}
