import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { securityFlag } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { signInWithPassword } from "@/server/auth/sign-in";
import { ACCOUNT_BURST, FAILURES_BEFORE_SUCCESS, IP_BURST } from "@/server/auth/suspicious-activity";
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from "../fixtures/tenants";
import { callerAs } from "./callers";
import { testDatabases } from "./databases";

const { owner, runtime } = testDatabases();
let t: TenantFixture;

// A fresh tenant per test: flags count history, so tests must not see each other's attempts.
beforeEach(async () => {
  t = await createTenantFixture(owner, "flags");
});

const attempt = (who: string, password: string, ip = "198.51.100.1", userAgent = "Browser A") =>
  signInWithPassword(runtime, t, { email: `${who}@${t.slug}.test`, password }, { ip, userAgent });

/** Flags raised by sign-ins (the fixture's own sample flag has no address, so it is left out). */
const flags = async () =>
  (await withTenant(owner, { tenantId: t.id }, (tx) => tx.select().from(securityFlag).where(eq(securityFlag.tenantId, t.id)))).filter(
    (flag) => flag.ip !== null,
  );

const as = (userId: string) => callerAs(t, userId);

describe("suspicious sign-in activity", () => {
  it(`flags ${ACCOUNT_BURST.failures} failures on one account once, and notifies the tenant admins`, async () => {
    for (let i = 0; i < ACCOUNT_BURST.failures + 2; i++) await attempt("nurse", "wrong password");
    const raised = (await flags()).filter((f) => f.kind === "account_failure_burst");
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ email: `nurse@${t.slug}.test`, ip: "198.51.100.1" });
    const inbox = await as(t.users.admin!).notification.list();
    expect(inbox.items.map((n) => n.title)).toContain(`Repeated failed sign-ins for nurse@${t.slug}.test`);
    expect((await as(t.users.nurse!).notification.list()).items.filter((n) => n.title.startsWith("Repeated"))).toEqual([]);
  });

  it(`flags ${IP_BURST.failures} failures from one address across accounts`, async () => {
    for (let i = 0; i < IP_BURST.failures; i++) await attempt(`guess${i}`, "Password1", "203.0.113.66");
    expect((await flags()).filter((f) => f.kind === "ip_failure_burst").map((f) => f.ip)).toEqual(["203.0.113.66"]);
  });

  it("flags a success right after several failures", async () => {
    for (let i = 0; i < FAILURES_BEFORE_SUCCESS.failures; i++) await attempt("clerk", "wrong password");
    await attempt("clerk", FIXTURE_PASSWORD);
    expect((await flags()).filter((f) => f.kind === "success_after_failures").map((f) => f.email)).toEqual([`clerk@${t.slug}.test`]);
  });

  it("flags a sign-in from an address and browser the user has not used, but not the first ever or a known one", async () => {
    await attempt("clerk", FIXTURE_PASSWORD, "198.51.100.1", "Browser A");
    await attempt("clerk", FIXTURE_PASSWORD, "198.51.100.1", "Browser A");
    expect((await flags()).filter((f) => f.kind === "new_device" && f.email === `clerk@${t.slug}.test`)).toEqual([]);
    await attempt("clerk", FIXTURE_PASSWORD, "192.0.2.200", "Browser B");
    await attempt("clerk", FIXTURE_PASSWORD, "192.0.2.200", "Browser B");
    expect((await flags()).filter((f) => f.kind === "new_device" && f.email === `clerk@${t.slug}.test`)).toHaveLength(1);
  });
});

describe("the Security page's data", () => {
  it("lists attempts newest first with filters and pages, for tenant admins only", async () => {
    await attempt("nurse", "wrong password");
    await attempt("nurse", FIXTURE_PASSWORD);
    await attempt("clerk", FIXTURE_PASSWORD);
    const admin = as(t.users.admin!);
    const all = await admin.security.attempts({});
    expect(all.attempts[0]).toMatchObject({ email: `clerk@${t.slug}.test`, outcome: "success", browser: "Unknown browser" });
    expect((await admin.security.attempts({ outcome: "failure" })).attempts.map((a) => a.reason)).toEqual(["bad_password"]);
    expect((await admin.security.attempts({ email: `NURSE@${t.slug}.test` })).attempts).toHaveLength(2);
    const first = await admin.security.attempts({ limit: 2 });
    const second = await admin.security.attempts({ limit: 2, cursor: first.next });
    expect(second.attempts.map((a) => a.id)).not.toContain(first.attempts[0]!.id);
    expect(second.attempts).toHaveLength(1);
    await expect(admin.security.attempts({ cursor: "garbage" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(t.users.nurse!).security.attempts({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(t.users.nurse!).security.flags({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("marks one's own notifications read, never someone else's", async () => {
    const admin = as(t.users.admin!);
    const before = await admin.notification.list();
    expect(before.unread).toBeGreaterThan(0);
    expect(await as(t.users.nurse!).notification.markRead({ ids: before.items.map((n) => n.id) })).toEqual({ marked: 0 });
    expect((await admin.notification.list()).unread).toBe(before.unread);
    await admin.notification.markRead({});
    expect((await admin.notification.list()).unread).toBe(0);
  });
});
