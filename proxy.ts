import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/server/env";
import { contentSecurityPolicy } from "@/server/tenancy/content-security-policy";
import { parseHost } from "@/server/tenancy/host";

/**
 * Next's request hook: maps the Host header to a route tree. The apex gets the landing pages
 * (app/apex), every other host the tenant pages (app/tenant), which look the tenant up and answer
 * 404 when it is unknown, suspended or the host is malformed. The rewrite carries no tenant
 * information; pages read the Host header themselves. Every page gets a fresh CSP nonce.
 */
export function proxy(request: NextRequest) {
  const target = parseHost(request.headers.get("host"), env.APP_DOMAIN);
  const url = request.nextUrl.clone();
  url.pathname = `/${target.kind === "apex" ? "apex" : "tenant"}${request.nextUrl.pathname}`;

  const policy = contentSecurityPolicy(crypto.randomUUID().replaceAll("-", ""), env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.rewrite(url, { request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|icon.svg).*)"],
};
