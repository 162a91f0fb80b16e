import path from "node:path";
import { env } from "@/server/env";
import { DATA_DIR, loadDevSecrets } from "./dev-secrets";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded";

export type OpenDatabase = {
  ownerUrl: string;
  appPassword: string;
  authSecret: string;
  secretKey: string;
  embedded: boolean;
  stop: () => Promise<void>;
};

/**
 * The database the app and the db:* commands work on: DATABASE_URL when it is set, otherwise the
 * embedded PostgreSQL under .data/postgres (started here, stopped by `stop`).
 */
export async function openDatabase(): Promise<OpenDatabase> {
  if (env.DATABASE_URL) {
    const needsDev = !env.DATABASE_APP_PASSWORD || !env.AUTH_SECRET || !env.CANOPY_SECRET_KEY;
    const dev = needsDev ? loadDevSecrets() : undefined;
    return {
      ownerUrl: env.DATABASE_URL,
      appPassword: env.DATABASE_APP_PASSWORD ?? dev!.appPassword,
      authSecret: env.AUTH_SECRET ?? dev!.authSecret,
      secretKey: env.CANOPY_SECRET_KEY ?? dev!.secretKey,
      embedded: false,
      stop: async () => {},
    };
  }
  const secrets = loadDevSecrets();
  const server = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, "postgres"),
    port: env.EMBEDDED_PG_PORT,
    password: secrets.postgresPassword,
  });
  await ensureDatabase(server.ownerUrl("postgres"), "canopy");
  return {
    ownerUrl: server.ownerUrl("canopy"),
    appPassword: env.DATABASE_APP_PASSWORD ?? secrets.appPassword,
    authSecret: env.AUTH_SECRET ?? secrets.authSecret,
    secretKey: env.CANOPY_SECRET_KEY ?? secrets.secretKey,
    embedded: true,
    stop: server.stop,
  };
}
