import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { DEFAULT_SECURITY_POLICY } from "@/server/auth/security-policy";
import { createSession, deleteSession } from "@/server/auth/sessions";

/** next-auth's cookie name when cookies are not Secure (APP_DOMAIN localhost, see server/auth/options.ts). */
const SESSION_COOKIE = "next-auth.session-token";

export type BenchSession = { cookie: string; close: () => Promise<void> };

/**
 * An active session for a persona, opened the way the app's sign-in opens one (its own
 * createSession, as the runtime role, so the token hash and columns are the app's by
 * construction) and carried in the cookie the app reads. Chosen over the credentials sign-in
 * flow: no next-auth CSRF exchange, no argon2 per persona, and no sign-in audit rows, security
 * flags or notifications left in the bench tenant by every run. These personas (clerk,
 * supervisor) would need no second factor under the tenant's default policy either way.
 */
export async function openSession(app: Database, tenantId: string, userId: string): Promise<BenchSession> {
  const token = await withTenant(app, { tenantId }, (tx) =>
    createSession(tx, { tenantId, userId, stage: "active", limits: DEFAULT_SECURITY_POLICY.session, ip: null, userAgent: "canopy bench (autocannon)" }),
  );
  return {
    cookie: `${SESSION_COOKIE}=${token}`,
    close: () => withTenant(app, { tenantId }, (tx) => deleteSession(tx, token)),
  };
}
