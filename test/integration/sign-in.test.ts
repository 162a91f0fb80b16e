import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent, session, tenant, userAccount } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { identify } from "@/server/auth/request-identity";
import { deleteSession, hashToken } from "@/server/auth/sessions";
import { signInWithPassword, type SignInResult } from "@/server/auth/sign-in";
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from "../fixtures/tenants";
import { testDatabases } from "./databases";

const { owner, runtime } = testDatabases();
const meta = { ip: "203.0.113.9", userAgent: "vitest" };
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  [a, b] = await Promise.all([createTenantFixture(owner, "signin-a"), createTenantFixture(owner, "signin-b")]);
});

const token = (result: SignInResult) => {
  if (result.kind !== "signed_in") throw new Error(`expected a session, got ${result.kind}`);
  return result.sessionToken;
};
const tenantOf = (f: TenantFixture) => ({ id: f.id, slug: f.slug, name: f.name });
/** The lookup every request makes (pages and API) with its cookie's token. */
const lookup = async (f: TenantFixture, token: string) => (await identify(runtime, f.slug, token)).session;
const auditRows = (f: TenantFixture) =>
  withTenant(owner, { tenantId: f.id }, (tx) =>
    tx
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.tenantId, f.id), eq(auditEvent.action, "sign_in")))
      .orderBy(auditEvent.occurredAt),
  );

describe("password sign-in", () => {
  it("opens a server-side session and audits the success", async () => {
    const result = await signInWithPassword(runtime, tenantOf(a), { email: ` NURSE@${a.slug}.test `, password: FIXTURE_PASSWORD }, meta);
    expect(result).toMatchObject({ kind: "signed_in", userId: a.users.nurse, displayName: "signin-a nurse" });
    if (result.kind !== "signed_in") throw new Error("not signed in");
    const active = await lookup(a, result.sessionToken);
    expect(active).toMatchObject({ userId: a.users.nurse, tenantId: a.id });
    const rows = await withTenant(owner, { tenantId: a.id }, (tx) => tx.select().from(session).where(eq(session.userId, a.users.nurse!)));
    expect(rows[0]).toMatchObject({ ip: meta.ip, userAgent: "vitest" });
    expect(rows[0]!.tokenHash).not.toContain(result.sessionToken);
    expect((await auditRows(a)).some((row) => row.outcome === "success" && row.actorUserId === a.users.nurse)).toBe(true);
  });

  it("gives the same empty answer for a wrong password, an unknown email and bad input, and audits each", async () => {
    const before = (await auditRows(a)).length;
    const rejected = { kind: "rejected" };
    expect(await signInWithPassword(runtime, tenantOf(a), { email: `nurse@${a.slug}.test`, password: "wrong password" }, meta)).toEqual(rejected);
    expect(await signInWithPassword(runtime, tenantOf(a), { email: `nobody@${a.slug}.test`, password: FIXTURE_PASSWORD }, meta)).toEqual(rejected);
    expect(await signInWithPassword(runtime, tenantOf(a), { email: 42, password: null }, meta)).toEqual(rejected);
    const failures = (await auditRows(a)).slice(before);
    expect(failures.map((row) => [row.outcome, row.details.reason])).toEqual([
      ["failure", "bad_password"],
      ["failure", "unknown_email"],
    ]);
  });

  it("never stores the password in the audit trail", async () => {
    await signInWithPassword(runtime, tenantOf(a), { email: `nurse@${a.slug}.test`, password: "Sekret-Guess-123" }, meta);
    const [row] = await owner.execute<{ n: number }>(sql`select count(*)::int as n from audit_event where details::text like '%Sekret-Guess-123%'`);
    expect(row!.n).toBe(0);
  });

  it("refuses another tenant's user, even with the right password", async () => {
    expect(await signInWithPassword(runtime, tenantOf(b), { email: `nurse@${a.slug}.test`, password: FIXTURE_PASSWORD }, meta)).toEqual({ kind: "rejected" });
  });

  it("refuses a disabled user and ends their sessions at once", async () => {
    const signedIn = await signInWithPassword(runtime, tenantOf(a), { email: `admin@${a.slug}.test`, password: FIXTURE_PASSWORD }, meta);
    await withTenant(owner, { tenantId: a.id }, (tx) => tx.update(userAccount).set({ status: "disabled" }).where(eq(userAccount.id, a.users.admin!)));
    try {
      expect(await lookup(a, token(signedIn))).toBeNull();
      expect(await signInWithPassword(runtime, tenantOf(a), { email: `admin@${a.slug}.test`, password: FIXTURE_PASSWORD }, meta)).toEqual({ kind: "rejected" });
      expect((await auditRows(a)).at(-1)).toMatchObject({ outcome: "failure", actorUserId: a.users.admin, details: { reason: "disabled" } });
    } finally {
      await withTenant(owner, { tenantId: a.id }, (tx) => tx.update(userAccount).set({ status: "active" }).where(eq(userAccount.id, a.users.admin!)));
    }
  });
});

describe("sessions", () => {
  it("is no session in another tenant", async () => {
    expect(await lookup(a, a.sessionToken)).not.toBeNull();
    expect(await lookup(b, a.sessionToken)).toBeNull();
  });

  it("ends on sign-out: the very next lookup finds nothing", async () => {
    const signedIn = await signInWithPassword(runtime, tenantOf(b), { email: `nurse@${b.slug}.test`, password: FIXTURE_PASSWORD }, meta);
    await withTenant(runtime, { tenantId: b.id }, (tx) => deleteSession(tx, token(signedIn)));
    expect(await lookup(b, token(signedIn))).toBeNull();
  });

  it("ends after its absolute lifetime and after idling", async () => {
    const expired = await signInWithPassword(runtime, tenantOf(b), { email: `nurse@${b.slug}.test`, password: FIXTURE_PASSWORD }, meta);
    const idle = await signInWithPassword(runtime, tenantOf(b), { email: `nurse@${b.slug}.test`, password: FIXTURE_PASSWORD }, meta);
    await withTenant(owner, { tenantId: b.id }, async (tx) => {
      await tx.update(session).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(session.tokenHash, hashToken(token(expired))));
      await tx.update(session).set({ lastSeenAt: sql`now() - interval '31 minutes'` }).where(eq(session.tokenHash, hashToken(token(idle))));
    });
    expect(await lookup(b, token(expired))).toBeNull();
    expect(await lookup(b, token(idle))).toBeNull();
  });

  it("does not accept a made-up token", async () => {
    expect(await lookup(a, "not-a-real-token")).toBeNull();
  });
});

describe("hash upkeep", () => {
  it("rehashes a password stored with weaker parameters at the next successful sign-in", async () => {
    const { hash } = await import("@node-rs/argon2");
    const weak = await hash(FIXTURE_PASSWORD, { memoryCost: 4096, timeCost: 3, parallelism: 1 });
    await withTenant(owner, { tenantId: b.id }, (tx) => tx.update(userAccount).set({ passwordHash: weak }).where(eq(userAccount.id, b.users.clerk!)));
    expect(await signInWithPassword(runtime, tenantOf(b), { email: `clerk@${b.slug}.test`, password: FIXTURE_PASSWORD }, meta)).toMatchObject({ kind: "signed_in" });
    const [row] = await withTenant(owner, { tenantId: b.id }, (tx) => tx.select().from(userAccount).where(eq(userAccount.id, b.users.clerk!)));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe("tenant session limits", () => {
  it("use the tenant's idle and absolute lifetimes", async () => {
    const limited = await createTenantFixture(owner, "limits");
    await withTenant(owner, { tenantId: limited.id }, (tx) =>
      tx.update(tenant).set({ settings: { security: { session: { idleMinutes: 5, absoluteHours: 1 } } } }).where(eq(tenant.id, limited.id)),
    );
    const signedIn = await signInWithPassword(runtime, tenantOf(limited), { email: `clerk@${limited.slug}.test`, password: FIXTURE_PASSWORD }, meta);
    const row = await withTenant(owner, { tenantId: limited.id }, async (tx) => {
      const [s] = await tx.select().from(session).where(eq(session.tokenHash, hashToken(token(signedIn))));
      await tx.update(session).set({ lastSeenAt: sql`now() - interval '6 minutes'` }).where(eq(session.id, s!.id));
      return s!;
    });
    expect(Math.round((row.expiresAt.getTime() - row.createdAt.getTime()) / 60_000)).toBe(60);
    expect(await lookup(limited, token(signedIn))).toBeNull();
    // Under the default 30 idle minutes the same session is still alive.
    await withTenant(owner, { tenantId: limited.id }, (tx) => tx.update(tenant).set({ settings: {} }).where(eq(tenant.id, limited.id)));
    expect(await lookup(limited, token(signedIn))).not.toBeNull();
  });
});
