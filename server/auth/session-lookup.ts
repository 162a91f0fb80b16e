import type { Database } from "@/db/client";
import { pipelined } from "@/db/pipelined";
import { withTenant } from "@/db/tenant-transaction";
import { loadSecurityPolicy } from "./security-policy";
import { activeSession, sessionByToken, type ActiveSession } from "./sessions";

/**
 * The live session a cookie's token opens in this tenant, under the tenant's lifetime and idle
 * limits; null for an ended, expired or idle session and for another tenant's token (the lookup
 * runs bound to this tenant, so row-level security never shows another tenant's sessions). The
 * tenant's policy and the session are read together (one round trip on every request), and the
 * idle limit is applied once both are in.
 */
export function activeSessionFor(db: Database, tenantId: string, token: string): Promise<ActiveSession | null> {
  return withTenant(db, { tenantId }, async (tx) => {
    const [policy, candidate] = await pipelined([loadSecurityPolicy(tx, tenantId), sessionByToken(tx, token)]);
    return activeSession(tx, candidate, policy.session);
  });
}
