import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import type { Tenant } from "@/server/tenancy/tenant";
import { parseSecurityPolicy } from "./security-policy";
import { hashToken, touchSession, TOUCH_AFTER_SECONDS } from "./sessions";
import type { SessionStage } from "./stages";

export type CurrentSession = {
  userId: string;
  sessionId: string;
  tenantId: string;
  stage: SessionStage;
  name: string;
  email: string;
};

/** Which tenant a request is for and who is signed in there; both null for an unknown or suspended tenant. */
export type RequestIdentity = { tenant: Tenant | null; session: CurrentSession | null };

export const NOBODY: RequestIdentity = { tenant: null, session: null };

type IdentityRow = {
  tenant_id: string;
  tenant_slug: string;
  tenant_name: string;
  security: unknown;
  session_id: string | null;
  stage: SessionStage | null;
  user_id: string | null;
  email: string | null;
  display_name: string | null;
  idle_seconds: number | null;
};

/**
 * The active tenant with this slug and the live session a cookie's token opens in it, in one
 * statement outside any transaction (app_open_session, db/migrations/0056): every page and API
 * call asks this first, and it used to take five round trips. The session must not be ended,
 * expired or idle past the tenant's limit, and its user must be active; a token from another
 * tenant finds nothing, because the lookup reads under row-level security bound to this tenant.
 * A session last marked seen over a minute ago is marked again (a write at most once a minute).
 */
export async function identify(db: Database, slug: string, token: string | null): Promise<RequestIdentity> {
  const [row] = await db.execute<IdentityRow>(
    sql`select * from app_open_session(${slug}, ${token ? hashToken(token) : null})`,
  );
  if (!row) return NOBODY;
  const tenant: Tenant = { id: row.tenant_id, slug: row.tenant_slug, name: row.tenant_name };
  if (row.session_id === null || row.idle_seconds === null) return { tenant, session: null };
  const limits = parseSecurityPolicy({ security: row.security }).session;
  if (row.idle_seconds >= limits.idleMinutes * 60) return { tenant, session: null };
  if (row.idle_seconds > TOUCH_AFTER_SECONDS) {
    await withTenant(db, { tenantId: tenant.id }, (tx) => touchSession(tx, { tenantId: tenant.id, sessionId: row.session_id! }));
  }
  return {
    tenant,
    session: {
      userId: row.user_id!,
      sessionId: row.session_id,
      tenantId: tenant.id,
      stage: row.stage!,
      name: row.display_name!,
      email: row.email!,
    },
  };
}
