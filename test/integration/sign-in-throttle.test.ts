import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent, signInThrottle } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { signInWithPassword } from "@/server/auth/sign-in";
import { FAILURE_LIMIT, IP_FAILURE_LIMIT } from "@/server/auth/throttle";
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from "../fixtures/tenants";
import { testDatabases } from "./databases";

const { owner, runtime } = testDatabases();
let t: TenantFixture;

beforeAll(async () => {
  t = await createTenantFixture(owner, "throttle");
});

let ipCounter = 0;
/** Each test signs in from its own address so the per-IP limit only bites where it is tested. */
const freshIp = () => `198.51.100.${++ipCounter}`;
const attempt = (email: string, password: string, ip: string) =>
  signInWithPassword(runtime, { id: t.id, slug: t.slug, name: t.name }, { email, password }, { ip, userAgent: "vitest" });
const nurse = () => `nurse@${t.slug}.test`;

async function lockedMinutes(email: string): Promise<number | null> {
  const [row] = await withTenant(owner, { tenantId: t.id }, (tx) =>
    tx
      .select({ minutes: sql<number | null>`round(extract(epoch from (${signInThrottle.lockedUntil} - now())) / 60)::int` })
      .from(signInThrottle)
      .where(and(eq(signInThrottle.tenantId, t.id), eq(signInThrottle.subject, "account"), eq(signInThrottle.key, email))),
  );
  return row?.minutes ?? null;
}

/** Pretends the current lockout has run out, as the clock would. */
const expireLock = (email: string) =>
  withTenant(owner, { tenantId: t.id }, (tx) =>
    tx
      .update(signInThrottle)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(and(eq(signInThrottle.tenantId, t.id), eq(signInThrottle.key, email))),
  );

async function failTimes(email: string, times: number, ip: string) {
  for (let i = 0; i < times; i++) expect(await attempt(email, "wrong password", ip)).toEqual({ kind: "rejected" });
}

describe("account lockout", () => {
  it(`locks an account after ${FAILURE_LIMIT} failures, even against the right password, with the same answer`, async () => {
    const ip = freshIp();
    await failTimes(nurse(), FAILURE_LIMIT, ip);
    expect(await lockedMinutes(nurse())).toBe(1);
    expect(await attempt(nurse(), FIXTURE_PASSWORD, ip)).toEqual({ kind: "rejected" });
    const [locked] = await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.select().from(auditEvent).where(and(eq(auditEvent.tenantId, t.id), sql`${auditEvent.details}->>'reason' = 'locked'`)),
    );
    expect(locked).toMatchObject({ action: "sign_in", outcome: "failure", actorUserId: t.users.nurse });
  });

  it("doubles the lockout each time, up to 15 minutes", async () => {
    const observed: (number | null)[] = [];
    for (let round = 0; round < 5; round++) {
      await expireLock(nurse());
      await failTimes(nurse(), FAILURE_LIMIT, freshIp());
      observed.push(await lockedMinutes(nurse()));
    }
    // The first lockout (1 minute) happened in the test above.
    expect(observed).toEqual([2, 4, 8, 15, 15]);
  });

  it("resets on a successful sign-in", async () => {
    await expireLock(nurse());
    const ip = freshIp();
    expect(await attempt(nurse(), FIXTURE_PASSWORD, ip)).toMatchObject({ kind: "signed_in" });
    await failTimes(nurse(), FAILURE_LIMIT - 1, ip);
    expect(await attempt(nurse(), FIXTURE_PASSWORD, ip)).toMatchObject({ kind: "signed_in" });
    await failTimes(nurse(), FAILURE_LIMIT, ip);
    expect(await lockedMinutes(nurse())).toBe(1);
  });

  it("locks an unknown email exactly like a real one, so a lockout reveals nothing", async () => {
    const ghost = `ghost@${t.slug}.test`;
    await failTimes(ghost, FAILURE_LIMIT, freshIp());
    expect(await lockedMinutes(ghost)).toBe(1);
  });

  it("keeps each tenant's counters to itself", async () => {
    const other = await createTenantFixture(owner, "throttle-other");
    const email = `admin@${t.slug}.test`;
    await failTimes(email, FAILURE_LIMIT, freshIp());
    const rows = await withTenant(runtime, { tenantId: other.id }, (tx) =>
      tx.select().from(signInThrottle).where(eq(signInThrottle.key, email)),
    );
    expect(rows).toEqual([]);
  });
});

describe("per-IP limit", () => {
  it(`refuses an address after ${IP_FAILURE_LIMIT} failures across accounts, and only that address`, async () => {
    const ip = freshIp();
    for (let i = 0; i < IP_FAILURE_LIMIT; i++) {
      expect(await attempt(`spray-${i}@${t.slug}.test`, "Password1", ip)).toEqual({ kind: "rejected" });
    }
    await expireLock(nurse());
    expect(await attempt(`admin@throttle.test`, FIXTURE_PASSWORD, ip)).toEqual({ kind: "rate_limited" });
    expect(await attempt(nurse(), FIXTURE_PASSWORD, ip)).toEqual({ kind: "rate_limited" });
    expect(await attempt(nurse(), FIXTURE_PASSWORD, freshIp())).toMatchObject({ kind: "signed_in" });
  });
});
