import { headers } from "next/headers";
import { cache } from "react";
import { runtimeDb } from "@/db/client";
import { env } from "@/server/env";
import { parseHost } from "./host";
import { resolveTenant, type Tenant } from "./resolve";

/** The tenant of the current request, from the Host header only; null at the apex or unknown hosts. */
export const currentTenant = cache(async (): Promise<Tenant | null> => {
  const target = parseHost((await headers()).get("host"), env.APP_DOMAIN);
  return target.kind === "tenant" ? resolveTenant(runtimeDb(), target.slug) : null;
});

export type RequestMeta = { ip: string | null; userAgent: string | null };

/** Who is calling, for audit rows and session records (never used to decide access). */
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip"), userAgent: h.get("user-agent")?.slice(0, 512) ?? null };
}
