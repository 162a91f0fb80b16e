import { and, eq, sql } from "drizzle-orm";
import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent, recoveryCode, tenant, userAccount } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { secretBox } from "@/server/auth/secret-box";
import { FAILURE_LIMIT } from "@/server/auth/throttle";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { signInAs } from "./callers";
import { testDatabases } from "./databases";

const { owner, runtime } = testDatabases();
let t: TenantFixture;

beforeAll(async () => {
  t = await createTenantFixture(owner, "totp");
});

const userRow = async (who: string) =>
  (await withTenant(owner, { tenantId: t.id }, (tx) =>
    tx.select().from(userAccount).where(and(eq(userAccount.tenantId, t.id), eq(userAccount.email, `${who}@${t.slug}.test`))),
  ))[0]!;

const codeFor = (secret: string, offsetSteps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

/** Enrols `who` through the procedures, as the page does; returns the secret and recovery codes. */
async function enrol(who: string) {
  const session = await signInAs(runtime, t, who);
  const started = await (await session.caller()).account.startTwoFactor();
  expect(await (await session.caller()).account.confirmTwoFactor({ code: "000000" })).toMatchObject({ ok: false });
  const confirmed = await (await session.caller()).account.confirmTwoFactor({ code: await codeFor(started.secret) });
  if (!confirmed.ok) throw new Error(confirmed.message);
  return { secret: started.secret, recoveryCodes: confirmed.recoveryCodes, session };
}

describe("enrolment", () => {
  it("shows a QR code and the secret, turns on only after a valid code, and returns ten recovery codes once", async () => {
    const { secret, recoveryCodes } = await enrol("clerk");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(recoveryCodes).toHaveLength(10);
    const row = await userRow("clerk");
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpPendingSecretSealed).toBeNull();
    // Sealed at rest: neither the secret nor the recovery codes are stored as typed.
    expect(row.totpSecretSealed).not.toContain(secret);
    expect(secretBox().open(row.totpSecretSealed!)).toBe(secret);
    const stored = await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.select().from(recoveryCode).where(and(eq(recoveryCode.tenantId, t.id), eq(recoveryCode.userId, row.id))),
    );
    expect(stored).toHaveLength(10);
    for (const code of recoveryCodes) expect(JSON.stringify(stored)).not.toContain(code.replace("-", ""));
  });

  it("cannot be started twice", async () => {
    const session = await signInAs(runtime, t, "clerk");
    const secret = secretBox().open((await userRow("clerk")).totpSecretSealed!);
    await (await session.caller()).account.verifySecondFactor({ code: await codeFor(secret, 1) });
    await expect((await session.caller()).account.startTwoFactor()).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("sign-in with a second factor", () => {
  let secret: string;
  let recoveryCodes: string[];

  beforeAll(async () => {
    ({ secret, recoveryCodes } = await enrol("nurse"));
  });

  it("asks for the code after the password, and nothing else is reachable meanwhile", async () => {
    const session = await signInAs(runtime, t, "nurse");
    expect(session.stage).toBe("mfa_required");
    await expect((await session.caller()).viewer.me()).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Please finish signing in." });
    await expect((await session.caller()).orgUnit.children({ parentId: null })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("accepts a code once and refuses the replay, even in another session", async () => {
    const first = await signInAs(runtime, t, "nurse");
    const second = await signInAs(runtime, t, "nurse");
    // Enrolment used the current step, so the next one (inside the ±1 window) is the first usable.
    const code = await codeFor(secret, 1);
    expect(await (await first.caller()).account.verifySecondFactor({ code })).toEqual({ ok: true, stage: "active" });
    expect(await (await first.caller()).viewer.me()).toMatchObject({ name: "totp nurse" });
    expect(await (await second.caller()).account.verifySecondFactor({ code })).toMatchObject({ ok: false });
    await expect((await second.caller()).viewer.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("accepts each recovery code once", async () => {
    const first = await signInAs(runtime, t, "nurse");
    expect(await (await first.caller()).account.verifySecondFactor({ code: recoveryCodes[0]!.toUpperCase() })).toEqual({ ok: true, stage: "active" });
    const second = await signInAs(runtime, t, "nurse");
    expect(await (await second.caller()).account.verifySecondFactor({ code: recoveryCodes[0]! })).toMatchObject({ ok: false });
  });

  it(`locks the second factor after ${FAILURE_LIMIT} wrong codes, separately from the password`, async () => {
    const session = await signInAs(runtime, t, "nurse");
    for (let i = 0; i < FAILURE_LIMIT; i++) {
      expect(await (await session.caller()).account.verifySecondFactor({ code: "000000" })).toMatchObject({ ok: false });
    }
    const locked = await (await session.caller()).account.verifySecondFactor({ code: await codeFor(secret, 1) });
    expect(locked).toMatchObject({ ok: false, message: expect.stringMatching(/Too many wrong codes/) });
    // The password itself is not locked: the password step still succeeds.
    expect((await signInAs(runtime, t, "nurse")).stage).toBe("mfa_required");
    const reasons = await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx
        .select({ reason: sql<string>`${auditEvent.details}->>'reason'` })
        .from(auditEvent)
        .where(and(eq(auditEvent.tenantId, t.id), eq(auditEvent.action, "sign_in.second_factor"), eq(auditEvent.outcome, "failure"))),
    );
    expect(reasons.map((r) => r.reason)).toContain("locked");
  });

  it("never writes a code or a secret into the audit trail", async () => {
    const [row] = await owner.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_event where details::text like ${`%${secret}%`} or details::text like '%000000%'`,
    );
    expect(row!.n).toBe(0);
  });
});

describe("tenant two-factor policy", () => {
  it("sends a tenant admin without two-factor straight to enrolment (default policy)", async () => {
    const session = await signInAs(runtime, t, "admin");
    expect(session.stage).toBe("mfa_enrolment_required");
    await expect((await session.caller()).viewer.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const started = await (await session.caller()).account.startTwoFactor();
    const confirmed = await (await session.caller()).account.confirmTwoFactor({ code: await codeFor(started.secret) });
    expect(confirmed).toMatchObject({ ok: true, stage: "active" });
    expect(await (await session.caller()).viewer.me()).toMatchObject({ email: `admin@${t.slug}.test` });
  });

  it("can require two-factor for everyone, or for no one", async () => {
    const other = await createTenantFixture(owner, "totp-policy");
    const setPolicy = (required: string) =>
      withTenant(owner, { tenantId: other.id }, (tx) =>
        tx.update(tenant).set({ settings: { security: { twoFactor: { required } } } }).where(eq(tenant.id, other.id)),
      );
    await setPolicy("everyone");
    expect((await signInAs(runtime, other, "nurse")).stage).toBe("mfa_enrolment_required");
    await setPolicy("none");
    expect((await signInAs(runtime, other, "admin")).stage).toBe("active");
  });
});
