/** The runtime login role created by the first migration. */
export const RUNTIME_ROLE = "canopy_app";

/** The runtime role's connection URL: the owner's server and database, the runtime credentials. */
export function runtimeUrl(ownerUrl: string, appPassword: string): string {
  const url = new URL(ownerUrl);
  url.username = RUNTIME_ROLE;
  url.password = encodeURIComponent(appPassword);
  return url.toString();
}

/** The same server with another database name (used to create and drop test databases). */
export function withDatabaseName(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${encodeURIComponent(database)}`;
  return next.toString();
}
