import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { postgresJsTarget } from "./socket-url";

const MIGRATIONS_FOLDER = path.join(import.meta.dirname, "migrations");

/**
 * Applies every pending migration as the owner, extends the audit partitions, then (re)sets the
 * runtime roles' password.
 * Idempotent; a session advisory lock keeps two starting processes from migrating at once.
 */
export async function migrateDatabase(ownerUrl: string, appPassword: string): Promise<void> {
  const target = postgresJsTarget(ownerUrl);
  const client = postgres(target.url, { host: target.host, max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(hashtext('canopy.migrate'))`;
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    // Every deployment keeps a year of monthly audit partitions ahead (the default one catches the rest).
    await client`select audit_ensure_partitions(now(), 12)`;
    await client.begin(async (tx) => {
      // The password travels as a bound parameter; format(%L) quotes it inside the server.
      await tx`select set_config('canopy.runtime_password', ${appPassword}, true)`;
      await tx`DO $$ BEGIN
        EXECUTE format('ALTER ROLE canopy_app PASSWORD %L', current_setting('canopy.runtime_password'));
        EXECUTE format('ALTER ROLE canopy_app_wide PASSWORD %L', current_setting('canopy.runtime_password'));
        EXECUTE format('ALTER ROLE canopy_app_local PASSWORD %L', current_setting('canopy.runtime_password'));
      END $$`;
    });
  } finally {
    await client.end({ timeout: 5 });
  }
}
