import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent, tenant } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { callerAs } from "./callers";
import { testDatabases } from "./databases";

const { owner } = testDatabases();
let t: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  [t, other] = await Promise.all([createTenantFixture(owner, "records"), createTenantFixture(owner, "records-other")]);
});

const admin = () => callerAs(t, t.users.admin!);

/** The tenant's settings exactly as stored, read the way the break-the-glass trigger reads them. */
async function storedSettings(f: TenantFixture) {
  const [row] = await withTenant(owner, { tenantId: f.id }, (tx) => tx.select({ settings: tenant.settings }).from(tenant).where(eq(tenant.id, f.id)));
  return row!.settings as { records?: unknown; security?: unknown };
}

/** The message a refused call carries (a zod refusal's first issue, as the browser is shown it). */
async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (error) {
    const e = error as { code: string; message: string; cause?: { issues?: { message: string }[] } };
    return { code: e.code, message: e.cause?.issues?.[0]?.message ?? e.message };
  }
  throw new Error("the call was not refused");
}

describe("record settings", () => {
  it("start from the defaults: glass broken for 3 hours, searches need 2 attributes", async () => {
    expect(await admin().tenantSettings.records()).toEqual({ breakGlassMinutes: 180, searchMinAttributes: 2 });
  });

  it("are changed by a tenant admin under settings.records, audited with before and after, leaving the security settings alone", async () => {
    await admin().tenantSettings.updateSecurity({
      allowedEmailDomains: [],
      password: { minLength: 10, requireComposition: false, historySize: 3, maxAgeDays: null },
      session: { idleMinutes: 30, absoluteHours: 12 },
      twoFactor: { required: "none", roles: [] },
    });
    expect(await admin().tenantSettings.updateRecords({ breakGlassMinutes: 60, searchMinAttributes: 3 })).toEqual({ breakGlassMinutes: 60, searchMinAttributes: 3 });

    expect(await admin().tenantSettings.records()).toEqual({ breakGlassMinutes: 60, searchMinAttributes: 3 });
    const stored = await storedSettings(t);
    expect(stored.records).toEqual({ breakGlassMinutes: 60, searchMinAttributes: 3 });
    expect(stored.security).toMatchObject({ password: { minLength: 10 } });
    const audits = await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.select().from(auditEvent).where(and(eq(auditEvent.tenantId, t.id), eq(auditEvent.action, "tenant_settings.records_changed"))),
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]!.changes).toEqual({ before: { breakGlassMinutes: 180, searchMinAttributes: 2 }, after: { breakGlassMinutes: 60, searchMinAttributes: 3 } });
    expect(audits[0]!.actorUserId).toBe(t.users.admin);
  });

  it("refuse values out of range with a clear message and change nothing", async () => {
    const cases: [Parameters<ReturnType<typeof admin>["tenantSettings"]["updateRecords"]>[0], RegExp][] = [
      [{ breakGlassMinutes: 0, searchMinAttributes: 2 }, /at least 1 minute/],
      [{ breakGlassMinutes: 1441, searchMinAttributes: 2 }, /at most 24 hours/],
      [{ breakGlassMinutes: 90.5, searchMinAttributes: 2 }, /whole minutes/],
      [{ breakGlassMinutes: 90, searchMinAttributes: 0 }, /at least 1 attribute/],
      [{ breakGlassMinutes: 90, searchMinAttributes: 6 }, /at most 5 attributes/],
    ];
    for (const [input, message] of cases) {
      const refused = await refusal(admin().tenantSettings.updateRecords(input));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.message).toMatch(message);
    }
    expect(await admin().tenantSettings.records()).toEqual({ breakGlassMinutes: 60, searchMinAttributes: 3 });
  });

  it("are out of reach for a user without manageSecurity:tenantSettings", async () => {
    const nurse = callerAs(t, t.users.nurse!);
    await expect(nurse.tenantSettings.records()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(nurse.tenantSettings.updateRecords({ breakGlassMinutes: 5, searchMinAttributes: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await admin().tenantSettings.records()).toEqual({ breakGlassMinutes: 60, searchMinAttributes: 3 });
  });

  it("belong to one tenant: another tenant keeps its defaults", async () => {
    expect(await callerAs(other, other.users.admin!).tenantSettings.records()).toEqual({ breakGlassMinutes: 180, searchMinAttributes: 2 });
    expect((await storedSettings(other)).records).toBeUndefined();
  });
});
