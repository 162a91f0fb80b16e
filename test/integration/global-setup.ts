import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrator";
import { withDatabaseName } from "@/db/urls";
import { loadDevSecrets } from "@/db/dev-secrets";
import { assertNoSecretsStored } from "./secrets-scan";

/**
 * Vitest reports an error thrown during teardown but still exits 0, so a leak found after the
 * suite stops the run with a failing exit code itself.
 */
async function failOnStoredSecrets(ownerUrl: string, beforeExit?: () => Promise<void>): Promise<void> {
  try {
    await assertNoSecretsStored(ownerUrl);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await beforeExit?.();
    process.exit(1);
  }
}

/**
 * One real PostgreSQL for the whole run: DATABASE_URL when it is set (migrated here, idempotent),
 * otherwise a throwaway embedded server in a temporary directory. The connection settings reach
 * the test workers through the environment.
 */
export default async function setup() {
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.CANOPY_SECRET_KEY ??= randomBytes(32).toString("base64url");

  if (process.env.DATABASE_URL) {
    process.env.DATABASE_APP_PASSWORD ??= loadDevSecrets().appPassword;
    await migrateDatabase(process.env.DATABASE_URL, process.env.DATABASE_APP_PASSWORD);
    return () => failOnStoredSecrets(process.env.DATABASE_URL!);
  }

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "canopy-test-pg-"));
  chmodSync(dataDir, 0o755); // run as root, PostgreSQL runs as the `postgres` user and must reach it
  const password = randomBytes(18).toString("base64url");
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port: await freePort(), password });
  const maintenanceUrl = server.ownerUrl("postgres");
  await ensureDatabase(maintenanceUrl, "canopy_test");
  process.env.DATABASE_URL = withDatabaseName(maintenanceUrl, "canopy_test");
  process.env.DATABASE_APP_PASSWORD = randomBytes(18).toString("base64url");
  await migrateDatabase(process.env.DATABASE_URL, process.env.DATABASE_APP_PASSWORD);

  return async () => {
    try {
      await failOnStoredSecrets(process.env.DATABASE_URL!, server.stop);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}
