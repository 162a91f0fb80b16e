import { RUNTIME_ROLE } from "./schema/runtime-roles";

export { LOCAL_RUNTIME_ROLE, RUNTIME_ROLE, WIDE_RUNTIME_ROLE } from "./schema/runtime-roles";

/**
 * A runtime role's connection URL: the owner's server and database, the runtime credentials.
 * The runtime roles share DATABASE_APP_PASSWORD (db/migrator.ts sets it on each).
 */
export function runtimeUrl(ownerUrl: string, appPassword: string, role: string = RUNTIME_ROLE): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = encodeURIComponent(appPassword);
  return url.toString();
}

/** The same server with another database name (used to create and drop test databases). */
export function withDatabaseName(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${encodeURIComponent(database)}`;
  return next.toString();
}
