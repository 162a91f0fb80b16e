/**
 * A state-changing request whose Origin is another host is refused before it reaches a
 * procedure (browsers always send Origin on cross-site POSTs). Same-host requests and clients
 * that send no Origin (server-to-server) pass; the session cookie is SameSite=Lax as well.
 */
export function isCrossSiteWrite(req: Request): boolean {
  if (req.method === "GET" || req.method === "HEAD") return false;
  const origin = req.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.get("host");
  } catch {
    return true;
  }
}
