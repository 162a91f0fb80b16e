import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { DEFAULT_SECURITY_POLICY } from "@/server/auth/security-policy";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { callerAs, signInAs } from "./callers";
import { testDatabases } from "./databases";

const { owner, runtime } = testDatabases();
let t: TenantFixture;

beforeAll(async () => {
  t = await createTenantFixture(owner, "settings");
});

const as = (userId: string) => callerAs(t, userId);

const everyoneTwoFactor = {
  allowedEmailDomains: ["moh.gov.sl"],
  password: { minLength: 12, requireComposition: false, historySize: 5, maxAgeDays: null },
  session: { idleMinutes: 15, absoluteHours: 8 },
  twoFactor: { required: "everyone" as const, roles: [] },
};

describe("security settings", () => {
  it("start from the safe defaults", async () => {
    expect(await as(t.users.admin!).tenantSettings.security()).toEqual(DEFAULT_SECURITY_POLICY);
  });

  it("are changed by a tenant admin, audited with before and after, and take effect at the next sign-in", async () => {
    await as(t.users.admin!).tenantSettings.updateSecurity(everyoneTwoFactor);
    expect(await as(t.users.admin!).tenantSettings.security()).toMatchObject(everyoneTwoFactor);
    expect((await signInAs(runtime, t, "nurse")).stage).toBe("mfa_enrolment_required");
    const [audit] = await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.select().from(auditEvent).where(and(eq(auditEvent.tenantId, t.id), eq(auditEvent.action, "tenant_settings.security_changed"))),
    );
    expect(audit!.changes).toMatchObject({ before: { twoFactor: { required: "roles" } }, after: { twoFactor: { required: "everyone" } } });
  });

  it("refuse nonsense with precise messages and change nothing", async () => {
    const admin = as(t.users.admin!);
    await expect(admin.tenantSettings.updateSecurity({ ...everyoneTwoFactor, password: { ...everyoneTwoFactor.password, minLength: 4 } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(admin.tenantSettings.updateSecurity({ ...everyoneTwoFactor, twoFactor: { required: "roles", roles: [] } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(admin.tenantSettings.updateSecurity({ ...everyoneTwoFactor, allowedEmailDomains: ["not a domain"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await admin.tenantSettings.security()).password.minLength).toBe(12);
  });

  it("are out of reach for staff", async () => {
    await expect(as(t.users.nurse!).tenantSettings.security()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(t.users.nurse!).tenantSettings.updateSecurity(everyoneTwoFactor)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
