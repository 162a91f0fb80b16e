/**
 * Pure Host-header parser: the only place that decides which tenant a request is for.
 * `<slug>.<appDomain>[:port]` is a tenant, `<appDomain>[:port]` is the apex, anything else is
 * nothing at all (no tenant, no landing page).
 */
export type HostTarget = { kind: "apex" } | { kind: "tenant"; slug: string } | { kind: "none" };

export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "www",
  "api",
  "admin",
  "app",
  "auth",
  "static",
  "assets",
  "mail",
]);

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const HOST_AND_PORT = /^([a-z0-9.-]+)(?::(\d{1,5}))?$/;

export function isValidSlug(slug: string): boolean {
  return SLUG.test(slug) && !RESERVED_SLUGS.has(slug);
}

export function parseHost(host: string | null | undefined, appDomain: string): HostTarget {
  if (!host) return { kind: "none" };
  const match = HOST_AND_PORT.exec(host.trim().toLowerCase());
  if (!match) return { kind: "none" };
  const [, name, port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return { kind: "none" };

  const domain = appDomain.toLowerCase();
  if (name === domain) return { kind: "apex" };
  if (!name?.endsWith(`.${domain}`)) return { kind: "none" };

  const slug = name.slice(0, -(domain.length + 1));
  return isValidSlug(slug) ? { kind: "tenant", slug } : { kind: "none" };
}
