import { isIP } from "node:net";
import { headers } from "next/headers";
import { cache } from "react";
import { currentIdentity } from "@/server/auth/current-session";
import type { Tenant } from "./tenant";

/**
 * The tenant of the current request, from the Host header only; null at the apex or unknown
 * hosts. Looked up with the session (server/auth/current-session.ts): one statement for both.
 */
export const currentTenant = cache(async (): Promise<Tenant | null> => (await currentIdentity()).tenant);

export type RequestMeta = { ip: string | null; userAgent: string | null };

/**
 * Who is calling, for audit rows, session records and the per-IP sign-in limit. The address is
 * the last X-Forwarded-For entry: the one written by the nearest hop (our reverse proxy, or Next
 * itself from the socket when no proxy sent the header), not one a client can prepend.
 */
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  const nearest = h.get("x-forwarded-for")?.split(",").at(-1)?.trim() ?? "";
  return { ip: isIP(nearest) ? nearest : null, userAgent: h.get("user-agent")?.slice(0, 512) ?? null };
}
