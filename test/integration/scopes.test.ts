import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/db/tenant-transaction";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { callerAs } from "./callers";
import { testDatabases } from "./databases";

const { owner, runtime } = testDatabases();
let t: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  [t, other] = await Promise.all([createTenantFixture(owner, "scopes"), createTenantFixture(owner, "scopes-other")]);
});

const admin = () => callerAs(t, t.users.admin!);

/** What the policies will see: the current user's roots of one kind, as ltree paths. */
const scopePaths = (userId: string, kind: string) =>
  withTenant(runtime, { tenantId: t.id, userId }, async (tx) => {
    const [row] = await tx.execute<{ paths: string }>(sql`select (select app_scope_paths(${kind}::scope_kind))::text as paths`);
    return row!.paths;
  });

const unitPath = async (key: string) =>
  withTenant(owner, { tenantId: t.id }, async (tx) => {
    const [row] = await tx.execute<{ path: string }>(sql`select path::text from org_unit where tenant_id = ${t.id} and code = ${key}`);
    return row!.path;
  });

describe("scopes", () => {
  it("are reported as assigned and effectively, in words", async () => {
    const report = await admin().user.scopes({ userId: t.users.nurse! });
    expect(report.assigned.capture.map((u) => u.name)).toEqual(["Clinic A1"]);
    expect(report.effective).toEqual({
      capture: ["Clinic A1"],
      search: ["North A: 1 district, 2 facilities"],
      analytics: ["Clinic A1"],
    });
    expect(report.analyticsFromCapture).toBe(true);
  });

  it("are replaced by an admin, audited, and refuse another tenant's units", async () => {
    const report = await admin().user.setScopes({
      userId: t.users.clerk!,
      capture: [t.units["south-a-1"]!],
      search: [t.units["south"]!, t.units["south-a"]!],
      analytics: [t.units["root"]!],
    });
    expect(report.effective.search).toEqual(["South: 1 region, 1 district, 1 facility"]);
    expect(report.effective.analytics[0]).toMatch(/^scopes country: /);
    await expect(
      admin().user.setScopes({ userId: t.users.clerk!, capture: [other.units["root"]!], search: [], analytics: [] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "One of the organisation units was not found." });
    expect((await admin().user.scopes({ userId: t.users.clerk! })).assigned.capture.map((u) => u.name)).toEqual(["Clinic S1"]);
    await expect(callerAs(t, t.users.nurse!).user.setScopes({ userId: t.users.nurse!, capture: [t.units["root"]!], search: [], analytics: [] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("reach policies through app_scope_paths: search includes capture, analytics falls back to capture", async () => {
    expect(await scopePaths(t.users.nurse!, "capture")).toBe(`{${await unitPath("north-a-1")}}`);
    const search = await scopePaths(t.users.nurse!, "search");
    expect(search).toContain(await unitPath("north-a-1"));
    expect(search).toContain(await unitPath("north-a"));
    expect(await scopePaths(t.users.nurse!, "analytics")).toBe(`{${await unitPath("north-a-1")}}`);
    // No user bound to the transaction: no scope at all.
    const none = await withTenant(runtime, { tenantId: t.id }, async (tx) => {
      const [row] = await tx.execute<{ paths: string }>(sql`select (select app_scope_paths('capture'))::text as paths`);
      return row!.paths;
    });
    expect(none).toBe("{}");
  });

  it("show on the user's own profile", async () => {
    const profile = await callerAs(t, t.users.nurse!).account.profile();
    expect(profile.scopes.capture).toEqual(["Clinic A1"]);
    expect(profile.analyticsFromCapture).toBe(true);
  });
});

describe("orgUnit.scopeRoots", () => {
  it("starts the home tree at the caller's effective search roots, and at nothing without scopes", async () => {
    const nurseRoots = await callerAs(t, t.users.nurse!).orgUnit.scopeRoots();
    expect(nurseRoots.map((u) => u.name)).toEqual(["North A"]);
    const nobody = await createTenantFixture(owner, "scopes-none");
    expect(await callerAs(nobody, nobody.users.clerk!).orgUnit.scopeRoots()).toEqual([]);
  });
});
