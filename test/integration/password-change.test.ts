import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent, userAccount } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { identify } from "@/server/auth/request-identity";
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from "../fixtures/tenants";
import { signInAs } from "./callers";
import { testDatabases } from "./databases";

const { owner, runtime } = testDatabases();
let t: TenantFixture;

beforeAll(async () => {
  t = await createTenantFixture(owner, "pw");
});

const alive = async (token: string) => (await identify(runtime, t.slug, token)).session !== null;

describe("a temporary password", () => {
  it("must be replaced at the next sign-in before anything else, without re-entering it", async () => {
    await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.update(userAccount).set({ passwordMustChange: true }).where(eq(userAccount.id, t.users.clerk!)),
    );
    const session = await signInAs(runtime, t, "clerk");
    expect(session.stage).toBe("password_change_required");
    await expect((await session.caller()).viewer.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const result = await (await session.caller()).account.changePassword({ newPassword: "lantern harbour morning" });
    expect(result).toMatchObject({ ok: true, stage: "active" });
    expect(await (await session.caller()).viewer.me()).toMatchObject({ email: `clerk@${t.slug}.test` });
    expect((await signInAs(runtime, t, "clerk", { password: "lantern harbour morning" })).stage).toBe("active");
  });
});

describe("changing one's own password", () => {
  it("needs the current password", async () => {
    const session = await signInAs(runtime, t, "nurse");
    const caller = await session.caller();
    expect(await caller.account.changePassword({ currentPassword: "not it", newPassword: "copper kettle sings" })).toEqual({
      ok: false,
      problems: ["Your current password is not correct."],
    });
    expect(await caller.account.changePassword({ newPassword: "copper kettle sings" })).toMatchObject({ ok: false });
  });

  it("explains precisely why a password is refused, live and on submit", async () => {
    const caller = await (await signInAs(runtime, t, "nurse")).caller();
    expect(await caller.account.checkPassword({ password: "password123" })).toEqual({
      problems: ["This password appears in lists of commonly used passwords."],
    });
    expect((await caller.account.checkPassword({ password: "short" })).problems).toContain("Use at least 8 characters.");
    expect((await caller.account.checkPassword({ password: "my pw-nurse-2024" })).problems[0]).toMatch(/“nurse”/);
    expect(await caller.account.changePassword({ currentPassword: FIXTURE_PASSWORD, newPassword: "qwerty123" })).toEqual({
      ok: false,
      problems: ["This password appears in lists of commonly used passwords."],
    });
  });

  it("ends every other session, keeps this one, and refuses the last passwords again", async () => {
    const current = await signInAs(runtime, t, "nurse");
    const elsewhere = await signInAs(runtime, t, "nurse");
    const result = await (await current.caller()).account.changePassword({ currentPassword: FIXTURE_PASSWORD, newPassword: "violet canyon drums" });
    expect(result).toMatchObject({ ok: true });
    expect(await alive(elsewhere.token)).toBe(false);
    expect(await alive(current.token)).toBe(true);

    const caller = await current.caller();
    const reused = { ok: false, problems: ["You have used this password recently. Choose one you have not used before."] };
    expect(await caller.account.changePassword({ currentPassword: "violet canyon drums", newPassword: "violet canyon drums" })).toEqual(reused);
    expect(await caller.account.changePassword({ currentPassword: "violet canyon drums", newPassword: FIXTURE_PASSWORD })).toEqual(reused);
  });

  it("is audited without the password", async () => {
    const rows = await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.select().from(auditEvent).where(and(eq(auditEvent.tenantId, t.id), eq(auditEvent.action, "password.changed"))),
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const [leak] = await owner.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_event where details::text like '%violet canyon%' or details::text like '%lantern harbour%'`,
    );
    expect(leak!.n).toBe(0);
  });
});
