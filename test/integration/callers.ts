import type { Database } from "@/db/client";
import { identify } from "@/server/auth/request-identity";
import { signInWithPassword } from "@/server/auth/sign-in";
import type { Context } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { FIXTURE_PASSWORD, type TenantFixture } from "../fixtures/tenants";

export const CHROME_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

/**
 * Signs a fixture user in for real (password step) and returns the session and a tRPC caller
 * whose context is what the request path would build for that cookie right now.
 */
export async function signInAs(
  runtime: Database,
  f: TenantFixture,
  who: string,
  options: { password?: string; userAgent?: string; ip?: string } = {},
) {
  const meta = { ip: options.ip ?? "192.0.2.44", userAgent: options.userAgent ?? CHROME_UA };
  const result = await signInWithPassword(runtime, f, { email: `${who}@${f.slug}.test`, password: options.password ?? FIXTURE_PASSWORD }, meta);
  if (result.kind !== "signed_in") throw new Error(`sign-in refused: ${result.kind}`);
  const token = result.sessionToken;
  const sessionId = (await identify(runtime, f.slug, token)).session!.sessionId;
  /** A caller for the session as it is now (looked up again, as every request does). */
  const caller = async () => {
    const { tenant, session } = await identify(runtime, f.slug, token);
    const ctx: Context = { tenant, session, meta, requestId: "test" };
    return createCaller(ctx);
  };
  return { token, sessionId, stage: result.stage, caller };
}

/** The context of a fully signed-in request by `userId`; its ability comes from the user's roles in the database. */
export function activeContext(f: Pick<TenantFixture, "id" | "slug" | "name">, userId: string): Context {
  return {
    tenant: { id: f.id, slug: f.slug, name: f.name },
    session: { userId, sessionId: crypto.randomUUID(), tenantId: f.id, stage: "active", name: "Caller", email: "caller@example.test" },
    meta: { ip: "192.0.2.7", userAgent: "vitest" },
    requestId: "test",
  };
}

export const callerAs = (f: Pick<TenantFixture, "id" | "slug" | "name">, userId: string) => createCaller(activeContext(f, userId));
