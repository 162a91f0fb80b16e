import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/server/env";
import { preparingEveryStatement } from "./prepared-statements";
import * as schema from "./schema";
import { requestTransactions, type RequestTransaction } from "./runtime-pools";
import { postgresJsTarget } from "./socket-url";
import { LOCAL_RUNTIME_ROLE, RUNTIME_ROLE, runtimeUrl, WIDE_RUNTIME_ROLE } from "./urls";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything drizzle can run a query on: a pool or an open transaction. */
export type Queryable = Database | Transaction;

export function connect(url: string, options: { max?: number } = {}): { db: Database; close: () => Promise<void> } {
  const target = postgresJsTarget(url);
  const client = postgres(target.url, {
    host: target.host,
    max: options.max ?? 10,
    idle_timeout: 30,
    onnotice: () => {},
    connection: { application_name: "canopy" },
  });
  return { db: drizzle(preparingEveryStatement(client), { schema, casing: "snake_case" }), close: () => client.end({ timeout: 5 }) };
}

function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start Canopy with `npm run dev` or `npm start`, which provide it.");
  }
  return env.DATABASE_URL;
}

// One pool per process, kept on globalThis so Next's hot reload does not open a new pool per edit.
const pools = globalThis as unknown as {
  canopyRuntime?: Database;
  canopyRuntimeWide?: Database;
  canopyRuntimeLocal?: Database;
  canopyRequests?: RequestTransaction;
  canopyAdmin?: Database;
};

function runtimeUrlFor(role: string): string {
  if (!env.DATABASE_APP_PASSWORD) throw new Error("DATABASE_APP_PASSWORD is not set.");
  return runtimeUrl(requireDatabaseUrl(), env.DATABASE_APP_PASSWORD, role);
}

/** The scoped runtime role, under row-level security: sign-in, session lookups, tenant resolution. */
export function runtimeDb(): Database {
  pools.canopyRuntime ??= connect(runtimeUrlFor(RUNTIME_ROLE)).db;
  return pools.canopyRuntime;
}

/**
 * The request path's transactions: on the scoped runtime role, the wide one for callers who read
 * every record, or the local one for callers whose scopes are bound as unit sets
 * (db/runtime-pools.ts). All under row-level security.
 */
export function requestTransaction(): RequestTransaction {
  pools.canopyRuntimeWide ??= connect(runtimeUrlFor(WIDE_RUNTIME_ROLE)).db;
  pools.canopyRuntimeLocal ??= connect(runtimeUrlFor(LOCAL_RUNTIME_ROLE)).db;
  pools.canopyRequests ??= requestTransactions({ scoped: runtimeDb(), wide: pools.canopyRuntimeWide, local: pools.canopyRuntimeLocal });
  return pools.canopyRequests;
}

/**
 * The owner connection, for migrations, tenant provisioning and jobs. Requests use the runtime
 * role; the one exception is a retention run an admin starts (server/jobs/retention.ts), which
 * must delete audit rows and write purge records the runtime role cannot — bound to the request's
 * tenant, with every statement naming it.
 */
export function adminDb(): Database {
  pools.canopyAdmin ??= connect(requireDatabaseUrl(), { max: 4 }).db;
  return pools.canopyAdmin;
}
