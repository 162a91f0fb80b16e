/**
 * CSRF defence for tRPC, on top of SameSite=Lax session cookies: a state-changing request must
 * be JSON (an HTML form cannot send that without a CORS preflight, which we never grant) and,
 * when the browser names its Origin, come from this very host.
 */
export function refusalOfWrite(req: Request): string | null {
  if (req.method === "GET" || req.method === "HEAD") return null;
  if (!req.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    return "Requests that change data must be sent as JSON.";
  }
  const origin = req.headers.get("origin");
  if (!origin) return null;
  try {
    return new URL(origin).host === req.headers.get("host") ? null : "Cross-site request refused.";
  } catch {
    return "Cross-site request refused.";
  }
}
