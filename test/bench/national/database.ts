import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { loadDevSecrets } from "@/db/dev-secrets";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrator";
import { withDatabaseName } from "@/db/urls";
import { env } from "@/server/env";
import type { Size } from "./sizes";

export type BenchDatabase = { ownerUrl: string; appPassword: string; where: string; stop: () => Promise<void> };

/**
 * Memory and WAL settings for a bulk load followed by a warm-cache benchmark. Planner cost
 * constants and work_mem stay at PostgreSQL's defaults so that the plans measured are the ones a
 * stock server would choose.
 */
const TUNING: Record<Size, Record<string, string>> = {
  S: { shared_buffers: "2GB", effective_cache_size: "8GB", maintenance_work_mem: "1GB", max_wal_size: "4GB", checkpoint_timeout: "30min" },
  M: { shared_buffers: "4GB", effective_cache_size: "12GB", maintenance_work_mem: "2GB", max_wal_size: "8GB", checkpoint_timeout: "30min" },
};

/**
 * The bench tenant's database, kept between runs: a database canopy_bench_<size> on DATABASE_URL's
 * server when it is set, otherwise an embedded PostgreSQL with its data under .data/bench-<size>
 * (ignored by git; delete it or pass --fresh to start over). Migrations run every time, so a
 * stored tenant follows the schema forward.
 */
export async function openBenchDatabase(size: Size, fresh: boolean): Promise<BenchDatabase> {
  const name = `canopy_bench_${size.toLowerCase()}`;
  const dataDir = path.resolve(".data", `bench-${size}`);
  let opened: BenchDatabase;
  if (env.DATABASE_URL) {
    const appPassword = env.DATABASE_APP_PASSWORD ?? loadDevSecrets(dataDir).appPassword;
    if (fresh) await dropDatabase(env.DATABASE_URL, name);
    await ensureDatabase(env.DATABASE_URL, name);
    opened = { ownerUrl: withDatabaseName(env.DATABASE_URL, name), appPassword, where: `database ${name} on DATABASE_URL`, stop: async () => {} };
  } else {
    if (fresh) rmSync(dataDir, { recursive: true, force: true });
    const secrets = loadDevSecrets(dataDir);
    const start = async (port: number) => {
      const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port, password: secrets.postgresPassword });
      await ensureDatabase(server.ownerUrl("postgres"), name);
      return { ownerUrl: server.ownerUrl(name), appPassword: secrets.appPassword, where: `embedded PostgreSQL in ${dataDir}`, stop: server.stop };
    };
    const port = await freePort();
    opened = await start(port);
    // ALTER SYSTEM persists in the bench cluster's own postgresql.auto.conf; shared_buffers needs a restart.
    if (await tune(opened.ownerUrl, TUNING[size])) {
      await opened.stop();
      opened = await start(port);
    }
  }
  await ensureSuperuser(opened.ownerUrl);
  await migrateDatabase(opened.ownerUrl, opened.appPassword);
  return opened;
}

/** Applies the settings; true when one of them only takes effect after a restart. */
async function tune(ownerUrl: string, settings: Record<string, string>): Promise<boolean> {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    for (const [key, value] of Object.entries(settings)) await sql.unsafe(`alter system set ${key} = '${value}'`);
    await sql`select pg_reload_conf()`;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [row] = await sql<{ pending: boolean }[]>`select bool_or(pending_restart) as pending from pg_settings where name = any(${Object.keys(settings)})`;
    return row?.pending ?? false;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The floor baseline reads as the owner with RLS bypassed, which needs a superuser (or BYPASSRLS). */
async function ensureSuperuser(ownerUrl: string): Promise<void> {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const [me] = await sql<{ ok: boolean }[]>`select rolsuper or rolbypassrls as ok from pg_roles where rolname = current_user`;
    if (!me?.ok) throw new Error("The bench's owner connection must be a superuser or have BYPASSRLS (the floor baseline reads with RLS bypassed).");
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function dropDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const sql = postgres(maintenanceUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`drop database if exists ${sql(name)} with (force)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
