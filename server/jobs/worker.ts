import PgBoss from "pg-boss";
import { connect } from "@/db/client";
import { log } from "@/server/log";
import { runScheduledRetention } from "./scheduled-retention";

/**
 * Background jobs on pg-boss: the queue lives in PostgreSQL (schema `pgboss`, created and
 * migrated by pg-boss itself, as the owner), so app servers stay stateless and a cron schedule
 * fires once across all of them. Started by db/with-database.ts next to the app; never by tests.
 */
const RETENTION = "retention";
const DAILY_AT = "30 2 * * *"; // 02:30 UTC

let running: { boss: PgBoss; close: () => Promise<void> } | null = null;

export async function startJobs(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, application_name: "canopy-jobs", max: 2 });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  // Singleton: two servers never run retention at the same time; a large purge may take hours.
  await boss.createQueue(RETENTION, { name: RETENTION, policy: "singleton", expireInSeconds: 6 * 3600 });
  await boss.schedule(RETENTION, DAILY_AT, {}, { tz: "UTC" });
  const owner = connect(ownerUrl, { max: 2 });
  // A daily job need not be picked up within seconds; polling every 30 s spares the database.
  await boss.work(RETENTION, { pollingIntervalSeconds: 30 }, () => runScheduledRetention(owner.db, new Date()));
  running = { boss, close: owner.close };
  log.info({ queue: RETENTION, cron: DAILY_AT }, "jobs started");
}

/** Lets a running job finish (up to 30 s), then closes the queue's and the job's connections. */
export async function stopJobs(): Promise<void> {
  if (!running) return;
  const { boss, close } = running;
  running = null;
  await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  await close();
}
