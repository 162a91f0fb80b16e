import { beforeAll, describe, expect, it } from "vitest";
import { identify } from "@/server/auth/request-identity";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { CHROME_UA, signInAs } from "./callers";
import { testDatabases } from "./databases";

const { owner, runtime } = testDatabases();
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  [a, b] = await Promise.all([createTenantFixture(owner, "sessions-a"), createTenantFixture(owner, "sessions-b")]);
});

async function signedIn(f: TenantFixture, who: "clerk" | "nurse", userAgent = CHROME_UA) {
  const session = await signInAs(runtime, f, who, { userAgent });
  return { ...session, caller: await session.caller() };
}

const alive = async (f: TenantFixture, token: string) => (await identify(runtime, f.slug, token)).session !== null;

describe("session.list", () => {
  it("lists only the user's own live sessions, the current one marked, with a readable browser", async () => {
    const laptop = await signedIn(a, "nurse");
    const phone = await signedIn(a, "nurse", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
    await signedIn(a, "clerk");
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
    const mine = await signedIn(a, "clerk");
    const other = await signedIn(a, "clerk");
    await expect(mine.caller.session.end({ sessionId: other.sessionId })).resolves.toEqual({ ended: 1, endedCurrent: false });
    expect(await alive(a, other.token)).toBe(false);
    expect(await alive(a, mine.token)).toBe(true);
  });

  it("cannot end another user's session, nor another tenant's: not found, and both survive", async () => {
    const attacker = await signedIn(a, "nurse");
    const colleague = await signedIn(a, "clerk");
    const foreign = await signedIn(b, "clerk");
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
    const colleague = await signedIn(b, "clerk");
    const result = await current.caller.session.endOthers();
    expect(result.ended).toBeGreaterThanOrEqual(2);
    expect(await alive(b, second.token)).toBe(false);
    expect(await alive(b, third.token)).toBe(false);
    expect(await alive(b, current.token)).toBe(true);
    expect(await alive(b, colleague.token)).toBe(true);
  });
});
