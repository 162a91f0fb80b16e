import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { loadSecurityPolicy } from "./security-policy";
import { findActiveSession, type ActiveSession } from "./sessions";

/**
 * The live session a cookie's token opens in this tenant, under the tenant's lifetime and idle
 * limits; null for an ended, expired or idle session and for another tenant's token (the lookup
 * runs bound to this tenant, so row-level security never shows another tenant's sessions).
 */
export function activeSessionFor(db: Database, tenantId: string, token: string): Promise<ActiveSession | null> {
  return withTenant(db, { tenantId }, async (tx) => findActiveSession(tx, token, (await loadSecurityPolicy(tx, tenantId)).session));
}
