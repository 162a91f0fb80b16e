import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent, role, tenant, userAccount, userRole } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { identify } from "@/server/auth/request-identity";
import { signInWithPassword } from "@/server/auth/sign-in";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { callerAs, signInAs } from "./callers";
import { testDatabases } from "./databases";

const { owner, runtime } = testDatabases();
let t: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  [t, other] = await Promise.all([createTenantFixture(owner, "users"), createTenantFixture(owner, "users-other")]);
});

const as = callerAs;
const admin = () => as(t, t.users.admin!);
const alive = async (token: string) => (await identify(runtime, t.slug, token)).session !== null;

describe("creating users", () => {
  it("creates an account with a temporary password shown once, which must be replaced at first sign-in", async () => {
    const created = await admin().user.create({ email: " New.Clerk@Users.TEST ", displayName: "New Clerk", roleKeys: ["data_entry_clerk"] });
    expect(created.temporaryPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const signedIn = await signInWithPassword(runtime, t, { email: "new.clerk@users.test", password: created.temporaryPassword }, { ip: null, userAgent: null });
    expect(signedIn).toMatchObject({ kind: "signed_in", stage: "password_change_required" });
    const [row] = await withTenant(owner, { tenantId: t.id }, (tx) => tx.select().from(userAccount).where(eq(userAccount.id, created.userId)));
    expect(row).toMatchObject({ email: "new.clerk@users.test", passwordMustChange: true, status: "active" });
    const [leak] = await owner.execute<{ n: number }>(sql`select count(*)::int as n from audit_event where details::text like ${`%${created.temporaryPassword}%`}`);
    expect(leak!.n).toBe(0);
  });

  it("refuses an address outside the tenant's allowed domains, naming them", async () => {
    await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.update(tenant).set({ settings: { security: { allowedEmailDomains: ["moh.gov.sl", "health.gov.sl"] } } }).where(eq(tenant.id, t.id)),
    );
    try {
      await expect(admin().user.create({ email: "someone@gmail.com", displayName: "Someone" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "Accounts in this organisation must use an address at moh.gov.sl or health.gov.sl.",
      });
      await expect(admin().user.create({ email: "someone@moh.gov.sl", displayName: "Someone" })).resolves.toMatchObject({});
    } finally {
      await withTenant(owner, { tenantId: t.id }, (tx) => tx.update(tenant).set({ settings: {} }).where(eq(tenant.id, t.id)));
    }
  });

  it("rejects a duplicate email and a malformed one precisely", async () => {
    await expect(admin().user.create({ email: `nurse@${t.slug}.test`, displayName: "Again" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin().user.create({ email: "not-an-email", displayName: "X" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is refused to a user whose roles do not allow it", async () => {
    await expect(as(t, t.users.nurse!).user.create({ email: "x@users.test", displayName: "X" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(t, t.users.nurse!).user.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("never lets anyone grant a role holding permissions they lack", async () => {
    const managerId = await withTenant(owner, { tenantId: t.id }, async (tx) => {
      const [manager] = await tx
        .insert(role)
        .values({ tenantId: t.id, name: "User manager", permissions: ["create:user", "read:user", "update:user"] })
        .returning({ id: role.id });
      await tx.insert(userRole).values({ tenantId: t.id, userId: t.users.clerk!, roleId: manager!.id });
      return manager!.id;
    });
    expect(managerId).toBeTruthy();
    await expect(as(t, t.users.clerk!).user.create({ email: "boss@users.test", displayName: "Boss", roleKeys: ["tenant_admin"] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You cannot grant “Tenant admin”: it holds permissions you do not have.",
    });
    await expect(as(t, t.users.clerk!).user.create({ email: "helper@users.test", displayName: "Helper", roleKeys: ["data_entry_clerk"] })).resolves.toMatchObject({});
  });
});

describe("disabling, resetting", () => {
  it("disabling ends every session at once and refuses sign-in; enabling restores it", async () => {
    const session = await signInAs(runtime, t, "nurse");
    expect(await admin().user.setStatus({ userId: t.users.nurse!, status: "disabled" })).toMatchObject({ status: "disabled", endedSessions: 1 });
    expect(await alive(session.token)).toBe(false);
    await expect(signInAs(runtime, t, "nurse")).rejects.toThrow(/rejected/);
    await admin().user.setStatus({ userId: t.users.nurse!, status: "active" });
    expect((await signInAs(runtime, t, "nurse")).stage).toBe("active");
  });

  it("refuses to disable oneself or the last active tenant admin", async () => {
    await expect(admin().user.setStatus({ userId: t.users.admin!, status: "disabled" })).rejects.toMatchObject({
      message: "You cannot disable your own account.",
    });
    await expect(as(t, t.users.clerk!).user.setStatus({ userId: t.users.admin!, status: "disabled" })).rejects.toMatchObject({
      message: "This is the last active tenant admin; it cannot be disabled.",
    });
  });

  it("a password reset gives a temporary password, ends sessions and retires the old password", async () => {
    const session = await signInAs(runtime, t, "nurse");
    const reset = await admin().user.resetPassword({ userId: t.users.nurse! });
    expect(await alive(session.token)).toBe(false);
    await expect(signInAs(runtime, t, "nurse")).rejects.toThrow(/rejected/);
    expect((await signInAs(runtime, t, "nurse", { password: reset.temporaryPassword })).stage).toBe("password_change_required");
  });

  it("a two-factor reset removes the second factor, ends sessions and is audited", async () => {
    await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.update(userAccount).set({ passwordMustChange: false }).where(eq(userAccount.id, t.users.nurse!)),
    );
    const reset = await admin().user.resetPassword({ userId: t.users.nurse! });
    await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.update(userAccount).set({ passwordMustChange: false, totpSecretSealed: "v1.x.y.z", totpEnabledAt: new Date() }).where(eq(userAccount.id, t.users.nurse!)),
    );
    const session = await signInAs(runtime, t, "nurse", { password: reset.temporaryPassword });
    expect(session.stage).toBe("mfa_required");
    await admin().user.resetTwoFactor({ userId: t.users.nurse! });
    expect(await alive(session.token)).toBe(false);
    expect((await signInAs(runtime, t, "nurse", { password: reset.temporaryPassword })).stage).toBe("active");
    const rows = await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.select().from(auditEvent).where(and(eq(auditEvent.tenantId, t.id), eq(auditEvent.action, "two_factor.reset"))),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorUserId: t.users.admin, subjectId: t.users.nurse });
  });

  it("another tenant's user is not found, for every action", async () => {
    const foreign = other.users.nurse!;
    for (const attempt of [
      () => admin().user.setStatus({ userId: foreign, status: "disabled" }),
      () => admin().user.resetPassword({ userId: foreign }),
      () => admin().user.resetTwoFactor({ userId: foreign }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND", message: "That user was not found." });
    }
    expect((await signInAs(runtime, other, "nurse")).stage).toBe("active");
  });
});

describe("listing users", () => {
  it("pages by email, searches by name or email, filters by status and role", async () => {
    const first = await admin().user.list({ limit: 2 });
    expect(first.users).toHaveLength(2);
    const second = await admin().user.list({ limit: 2, cursor: first.next! });
    expect(second.users[0]!.email > first.users[1]!.email).toBe(true);
    expect((await admin().user.list({ search: "NURSE" })).users.map((u) => u.email)).toEqual([`nurse@${t.slug}.test`]);
    expect((await admin().user.list({ roleKey: "tenant_admin" })).users.map((u) => u.email)).toEqual([`admin@${t.slug}.test`]);
    expect((await admin().user.list({ search: "%" })).users).toEqual([]);
    const admins = (await admin().user.list({ roleKey: "tenant_admin" })).users;
    expect(admins[0]).toMatchObject({ roles: ["Tenant admin"], status: "active" });
    expect((await admin().user.list({ status: "disabled" })).users).toEqual([]);
  });
});

describe("editing users and filtering by unit", () => {
  it("corrects a user's name and email, audited, refusing a taken address", async () => {
    expect(await admin().user.update({ userId: t.users.clerk!, displayName: "Clerk Renamed", email: "Clerk.Renamed@users.test" })).toEqual({
      displayName: "Clerk Renamed",
      email: "clerk.renamed@users.test",
    });
    await expect(admin().user.update({ userId: t.users.clerk!, displayName: "X", email: `admin@${t.slug}.test` })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin().user.update({ userId: other.users.nurse!, displayName: "X", email: "x@users.test" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists the users whose scopes lie at or below a unit", async () => {
    // The fixture nurse captures in Clinic A1 and searches in North A; the admin captures at the root.
    expect((await admin().user.list({ orgUnitId: t.units["north-a"]! })).users.map((u) => u.email)).toEqual([`medic@${t.slug}.test`, `nurse@${t.slug}.test`]);
    expect((await admin().user.list({ orgUnitId: t.units["south"]! })).users.map((u) => u.email)).toEqual([`southlead@${t.slug}.test`]);
    expect((await admin().user.list({ orgUnitId: t.units["root"]! })).users.map((u) => u.email)).toContain(`admin@${t.slug}.test`);
  });
});
