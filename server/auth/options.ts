import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { runtimeDb } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { env } from "@/server/env";
import { log } from "@/server/log";
import { currentTenant, requestMeta } from "@/server/tenancy/current";
import { SECURE_COOKIES, SESSION_COOKIE } from "./session-cookie";
import { identifyRequest } from "./current-session";
import { deleteSession, SESSION_COOKIE_MAX_AGE_SECONDS } from "./sessions";
import { RATE_LIMITED } from "./sign-in-limits";
import { signInWithPassword } from "./sign-in";

/**
 * next-auth with server-side sessions. Credentials sign-in creates a row in `session`; the cookie
 * then carries only that session's opaque random token (jwt.encode/decode are replaced, so there
 * is no self-contained JWT that outlives revocation). Every read looks the token up in the
 * current host's tenant, so an ended session, or a cookie carried to another tenant, is no session.
 */
export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_COOKIE_MAX_AGE_SECONDS },
  useSecureCookies: SECURE_COOKIES,
  // next-auth's own defaults, named from session-cookie.ts so that currentSession reads this cookie.
  cookies: { sessionToken: { name: SESSION_COOKIE, options: { httpOnly: true, sameSite: "lax", path: "/", secure: SECURE_COOKIES } } },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      id: "password",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const tenant = await currentTenant();
        if (!tenant) return null;
        const result = await signInWithPassword(runtimeDb(), tenant, credentials, await requestMeta());
        // next-auth hands a thrown message to the client as `error`; the form words it.
        if (result.kind === "rate_limited") throw new Error(RATE_LIMITED);
        if (result.kind !== "signed_in") return null;
        return { id: result.userId, email: result.email, name: result.displayName, sessionToken: result.sessionToken };
      },
    }),
  ],
  callbacks: {
    // At sign-in `user` is what authorize returned; afterwards the token is what decode found.
    jwt: ({ token, user }) => (user ? { sub: user.id, sessionToken: user.sessionToken } : token),
    session: ({ session, token }) => ({
      expires: session.expires,
      user: { id: token.sub!, name: token.name ?? null, email: token.email ?? null },
      sessionId: token.sessionId!,
      tenantId: token.tenantId!,
      stage: token.stage!,
    }),
  },
  jwt: {
    encode: async ({ token }) => token?.sessionToken ?? "",
    decode: async ({ token }) => {
      const active = token ? (await identifyRequest(token)).session : null;
      if (!token || !active) return null;
      return {
        sub: active.userId,
        name: active.name,
        email: active.email,
        sessionToken: token,
        sessionId: active.sessionId,
        tenantId: active.tenantId,
        stage: active.stage,
      };
    },
  },
  events: {
    async signOut({ token }) {
      const tenant = await currentTenant();
      if (!tenant || !token?.sessionToken) return;
      await withTenant(runtimeDb(), { tenantId: tenant.id }, (tx) => deleteSession(tx, token.sessionToken!));
    },
  },
  logger: {
    // An ended session makes next-auth report JWT_SESSION_ERROR on its next use; that is expected.
    error: (code) => (code === "JWT_SESSION_ERROR" ? log.debug({ code }, "session ended") : log.error({ code }, "auth error")),
    warn: (code) => log.debug({ code }, "auth warning"),
    debug: () => {},
  },
};
