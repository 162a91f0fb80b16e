import { env } from "@/server/env";

/** Cookies are Secure (and the session cookie `__Secure-` prefixed) except on plain-HTTP localhost. */
export const SECURE_COOKIES = env.NODE_ENV === "production" && env.APP_DOMAIN !== "localhost";

/**
 * The cookie that carries a session's opaque token: next-auth sets it at sign-in (authOptions
 * names it from here) and every request reads it back in currentSession, so the two cannot drift.
 */
export const SESSION_COOKIE = `${SECURE_COOKIES ? "__Secure-" : ""}next-auth.session-token`;
