import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/db/tenant-transaction";
import { findActiveSession } from "@/server/auth/sessions";
import { signInWithPassword } from "@/server/auth/sign-in";
import type { Context } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from "../fixtures/tenants";
import { testDatabases } from "./databases";

const { owner, runtime } = testDatabases();
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  [a, b] = await Promise.all([createTenantFixture(owner, "sessions-a"), createTenantFixture(owner, "sessions-b")]);
});

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

/** Signs a fixture user in for real and returns the token and a tRPC caller for that session. */
async function signedIn(f: TenantFixture, who: "admin" | "nurse", userAgent = CHROME) {
  const result = await signInWithPassword(runtime, f, { email: `${who}@${f.slug}.test`, password: FIXTURE_PASSWORD }, { ip: "192.0.2.44", userAgent });
  if (result.kind !== "signed_in") throw new Error(result.kind);
  const active = (await withTenant(runtime, { tenantId: f.id }, (tx) => findActiveSession(tx, result.sessionToken)))!;
  const ctx: Context = {
    tenant: { id: f.id, slug: f.slug, name: f.name },
    session: { userId: active.userId, sessionId: active.sessionId, tenantId: f.id, name: active.displayName, email: active.email },
    meta: { ip: "192.0.2.44", userAgent },
    requestId: "test",
  };
  return { token: result.sessionToken, sessionId: active.sessionId, caller: createCaller(ctx) };
}

const alive = (f: TenantFixture, token: string) =>
  withTenant(runtime, { tenantId: f.id }, async (tx) => (await findActiveSession(tx, token)) !== null);

describe("session.list", () => {
  it("lists only the user's own live sessions, the current one marked, with a readable browser", async () => {
    const laptop = await signedIn(a, "nurse");
    const phone = await signedIn(a, "nurse", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
    await signedIn(a, "admin");
    await signedIn(b, "nurse");

    const rows = await laptop.caller.session.list();
    expect(rows.map((row) => row.id).sort()).toEqual([laptop.sessionId, phone.sessionId].sort());
    expect(rows.find((row) => row.current)?.id).toBe(laptop.sessionId);
    expect(rows.find((row) => row.id === laptop.sessionId)?.browser).toBe("Chrome 126 on Linux");
    expect(rows.find((row) => row.id === phone.sessionId)?.browser).toBe("Safari 17 on iOS");
    expect(rows[0]).toMatchObject({ ip: "192.0.2.44" });
  });
});

describe("session.end", () => {
  it("ends one of the user's sessions: its very next use is unauthenticated", async () => {
    const mine = await signedIn(a, "admin");
    const other = await signedIn(a, "admin");
    await expect(mine.caller.session.end({ sessionId: other.sessionId })).resolves.toEqual({ ended: 1, endedCurrent: false });
    expect(await alive(a, other.token)).toBe(false);
    expect(await alive(a, mine.token)).toBe(true);
  });

  it("cannot end another user's session, nor another tenant's: not found, and both survive", async () => {
    const attacker = await signedIn(a, "nurse");
    const colleague = await signedIn(a, "admin");
    const foreign = await signedIn(b, "admin");
    await expect(attacker.caller.session.end({ sessionId: colleague.sessionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attacker.caller.session.end({ sessionId: foreign.sessionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attacker.caller.session.end({ sessionId: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await alive(a, colleague.token)).toBe(true);
    expect(await alive(b, foreign.token)).toBe(true);
  });

  it("rejects a malformed id", async () => {
    const me = await signedIn(a, "nurse");
    await expect(me.caller.session.end({ sessionId: "all" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("session.endOthers", () => {
  it("ends every other session of the user and keeps the current one and other users'", async () => {
    const current = await signedIn(b, "nurse");
    const second = await signedIn(b, "nurse");
    const third = await signedIn(b, "nurse");
    const colleague = await signedIn(b, "admin");
    const result = await current.caller.session.endOthers();
    expect(result.ended).toBeGreaterThanOrEqual(2);
    expect(await alive(b, second.token)).toBe(false);
    expect(await alive(b, third.token)).toBe(false);
    expect(await alive(b, current.token)).toBe(true);
    expect(await alive(b, colleague.token)).toBe(true);
  });
});
