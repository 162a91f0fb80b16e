import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "@/db/client";
import { session, tenant, userAccount } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { runtimeUrl } from "@/db/urls";
import { identify, NOBODY } from "@/server/auth/request-identity";
import { hashToken } from "@/server/auth/sessions";
import { signInWithPassword } from "@/server/auth/sign-in";
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from "../fixtures/tenants";
import { testDatabases } from "./databases";

const { owner, runtime } = testDatabases();
// One connection, so that a statement after the lookup is sure to run where the lookup ran.
const single = connect(runtimeUrl(process.env.DATABASE_URL!, process.env.DATABASE_APP_PASSWORD!), { max: 1 });
afterAll(() => single.close());

const meta = { ip: "203.0.113.7", userAgent: "vitest" };
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  [a, b] = await Promise.all([createTenantFixture(owner, "ident-a"), createTenantFixture(owner, "ident-b")]);
});

async function signIn(f: TenantFixture, who: string): Promise<string> {
  const result = await signInWithPassword(runtime, f, { email: `${who}@${f.slug}.test`, password: FIXTURE_PASSWORD }, meta);
  if (result.kind !== "signed_in") throw new Error(`sign-in refused: ${result.kind}`);
  return result.sessionToken;
}

const lastSeen = async (f: TenantFixture, token: string) => {
  const [row] = await withTenant(owner, { tenantId: f.id }, (tx) =>
    tx.select({ lastSeenAt: session.lastSeenAt }).from(session).where(eq(session.tokenHash, hashToken(token))),
  );
  return row!.lastSeenAt;
};
const seenAgo = (f: TenantFixture, token: string, seconds: number) =>
  withTenant(owner, { tenantId: f.id }, (tx) =>
    tx.update(session).set({ lastSeenAt: sql`now() - make_interval(secs => ${seconds})` }).where(eq(session.tokenHash, hashToken(token))),
  );

describe("request identity (one statement per request)", () => {
  it("finds the tenant by its slug and the user signed in there", async () => {
    const token = await signIn(a, "nurse");
    expect(await identify(runtime, a.slug, token)).toEqual({
      tenant: { id: a.id, slug: a.slug, name: a.name },
      session: expect.objectContaining({ userId: a.users.nurse, tenantId: a.id, stage: "active", name: "ident-a nurse", email: `nurse@${a.slug}.test` }),
    });
    expect(await identify(runtime, a.slug, null)).toEqual({ tenant: { id: a.id, slug: a.slug, name: a.name }, session: null });
  });

  it("knows no unknown or suspended tenant", async () => {
    expect(await identify(runtime, "no-such-tenant", null)).toEqual(NOBODY);
    const suspended = await createTenantFixture(owner, "ident-suspended");
    const token = await signIn(suspended, "nurse");
    await owner.update(tenant).set({ status: "suspended" }).where(eq(tenant.id, suspended.id));
    expect(await identify(runtime, suspended.slug, token)).toEqual(NOBODY);
  });

  it("finds no session for another tenant's token, a made-up one or a disabled user's", async () => {
    const fromB = await signIn(b, "nurse");
    expect((await identify(runtime, a.slug, fromB)).session).toBeNull();
    expect((await identify(runtime, a.slug, "not-a-real-token")).session).toBeNull();
    const clerk = await signIn(b, "clerk");
    await withTenant(owner, { tenantId: b.id }, (tx) => tx.update(userAccount).set({ status: "disabled" }).where(eq(userAccount.id, b.users.clerk!)));
    expect((await identify(runtime, b.slug, clerk)).session).toBeNull();
    expect((await identify(runtime, b.slug, fromB)).session).not.toBeNull();
  });

  it("leaves no tenant bound on the connection after the lookup", async () => {
    const token = await signIn(a, "clerk");
    expect((await identify(single.db, a.slug, token)).session).not.toBeNull();
    const [after] = await single.db.execute<{ tenant: string | null; sessions: number }>(
      sql`select app_current_tenant_id()::text as tenant, (select count(*) from session)::int as sessions`,
    );
    expect(after).toEqual({ tenant: null, sessions: 0 });
  });

  it("marks a session seen at most once a minute", async () => {
    const token = await signIn(a, "nurse");
    await seenAgo(a, token, 30);
    const before = await lastSeen(a, token);
    await identify(runtime, a.slug, token);
    expect(await lastSeen(a, token)).toEqual(before);
    await seenAgo(a, token, 120);
    const stale = await lastSeen(a, token);
    expect((await identify(runtime, a.slug, token)).session).not.toBeNull();
    expect((await lastSeen(a, token)).getTime()).toBeGreaterThan(stale.getTime() + 100_000);
  });
});
