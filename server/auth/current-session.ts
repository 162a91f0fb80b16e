import { cookies, headers } from "next/headers";
import { cache } from "react";
import { runtimeDb } from "@/db/client";
import { env } from "@/server/env";
import { parseHost } from "@/server/tenancy/host";
import { identify, NOBODY, type CurrentSession, type RequestIdentity } from "./request-identity";
import { SESSION_COOKIE } from "./session-cookie";

export type { CurrentSession } from "./request-identity";

/**
 * This request's tenant (from the Host header only) and the session a token opens in it — read
 * straight from the session table, the lookup next-auth's jwt.decode also makes
 * (server/auth/options.ts), without next-auth's per-call set-up (its whole handler, CSRF token
 * and cookie round trip), which took several milliseconds of every API request. next-auth still
 * signs in and out.
 */
export async function identifyRequest(token: string | null): Promise<RequestIdentity> {
  const target = parseHost((await headers()).get("host"), env.APP_DOMAIN);
  return target.kind === "tenant" ? identify(runtimeDb(), target.slug, token) : NOBODY;
}

/**
 * The identity of the page being rendered or the API call being answered, with the session
 * cookie's token; looked up once per render (React's cache() does not memoise in a route
 * handler, so an API call's context asks once and hands it on).
 */
export const currentIdentity = cache(async (): Promise<RequestIdentity> => identifyRequest((await cookies()).get(SESSION_COOKIE)?.value ?? null));

/** The signed-in user of the page being rendered, at any sign-in stage. */
export const currentSession = cache(async (): Promise<CurrentSession | null> => (await currentIdentity()).session);
