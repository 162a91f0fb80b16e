import { cookies } from "next/headers";
import { cache } from "react";
import { runtimeDb } from "@/db/client";
import { currentTenant } from "@/server/tenancy/current";
import type { Tenant } from "@/server/tenancy/resolve";
import { SESSION_COOKIE } from "./session-cookie";
import { activeSessionFor } from "./session-lookup";
import type { SessionStage } from "./stages";

export type CurrentSession = {
  userId: string;
  sessionId: string;
  tenantId: string;
  stage: SessionStage;
  name: string;
  email: string;
};

/**
 * The signed-in user of this request in this tenant, read straight from the session table by the
 * cookie's token — the lookup next-auth's jwt.decode makes (server/auth/options.ts), without
 * next-auth's per-call set-up (its whole handler, CSRF token and cookie round trip), which took
 * several milliseconds of every API request. next-auth still signs in and out.
 */
export async function sessionIn(tenant: Tenant | null): Promise<CurrentSession | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!tenant || !token) return null;
  const active = await activeSessionFor(runtimeDb(), tenant.id, token);
  if (!active) return null;
  return {
    userId: active.userId,
    sessionId: active.sessionId,
    tenantId: active.tenantId,
    stage: active.stage,
    name: active.displayName,
    email: active.email,
  };
}

/** The signed-in user of the page being rendered, looked up once per render. */
export const currentSession = cache(async (): Promise<CurrentSession | null> => sessionIn(await currentTenant()));
