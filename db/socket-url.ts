/**
 * libpq names a Unix-domain socket with a `host` query parameter holding the socket's directory:
 * `postgres://canopy@localhost:5432/canopy?host=/var/run/postgresql`. node-postgres (pg-boss)
 * reads it so; postgres.js does not — it would send `host` to the server as a setting, which the
 * server refuses — so the directory moves to postgres.js's own `host` option, from which it builds
 * the socket's path with the URL's port. A co-located database over its socket spares both sides
 * the loopback TCP stack (README, Performance, *Last on 2026-12-07*).
 */
export function postgresJsTarget(url: string): { url: string; host?: string } {
  const parsed = new URL(url);
  const socketDirectory = parsed.searchParams.get("host");
  if (socketDirectory === null) return { url };
  parsed.searchParams.delete("host");
  return { url: parsed.toString(), host: socketDirectory };
}

/** Whether a connection URL's `host` parameter, if it has one, is a socket directory (an absolute path). */
export function hasValidSocketHost(url: string): boolean {
  if (!URL.canParse(url)) return true; // not a URL at all: the format check says so
  const socketDirectory = new URL(url).searchParams.get("host");
  return socketDirectory === null || socketDirectory.startsWith("/");
}
