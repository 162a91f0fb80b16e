import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { role, userRole } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { callerAs } from "./callers";
import { testDatabases } from "./databases";

const { owner } = testDatabases();
let t: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  [t, other] = await Promise.all([createTenantFixture(owner, "roles"), createTenantFixture(owner, "roles-other")]);
});

const admin = () => callerAs(t, t.users.admin!);
const roleId = async (f: TenantFixture, key: string) =>
  (await withTenant(owner, { tenantId: f.id }, (tx) => tx.select().from(role).where(and(eq(role.tenantId, f.id), eq(role.key, key)))))[0]!.id;

/** Gives the clerk a custom role that manages users and roles but holds nothing else. */
async function makeClerkAManager() {
  const { roleId: managerId } = await admin().role.create({
    name: "Account manager",
    description: "Looks after accounts",
    permissions: ["read:user", "create:user", "update:user", "read:role", "create:role", "update:role"],
  });
  await admin().user.setRoles({ userId: t.users.clerk!, roleIds: [await roleId(t, "data_entry_clerk"), managerId] });
  return managerId;
}

describe("the permission matrix", () => {
  it("lists system roles and custom roles with their members", async () => {
    const roles = await admin().role.list();
    expect(roles.filter((r) => r.system).map((r) => r.key).sort()).toEqual(["analyst", "auditor", "data_entry_clerk", "supervisor", "tenant_admin"]);
    expect(roles.find((r) => r.key === "tenant_admin")).toMatchObject({ members: 1 });
  });

  it("never lets a system role be changed or deleted", async () => {
    const adminRole = await roleId(t, "tenant_admin");
    await expect(admin().role.update({ roleId: adminRole, name: "Tenant admin", description: "", permissions: [] })).rejects.toMatchObject({
      message: "System roles cannot be changed.",
    });
    await expect(admin().role.delete({ roleId: adminRole })).rejects.toMatchObject({ message: "System roles cannot be deleted." });
  });

  it("refuses unknown permissions and duplicate names precisely", async () => {
    await expect(admin().role.create({ name: "Odd", permissions: ["fly:plane"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin().role.create({ name: "Tenant admin", permissions: [] })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets nobody build or grant a role beyond their own permissions", async () => {
    const managerId = await makeClerkAManager();
    const clerk = callerAs(t, t.users.clerk!);
    await expect(clerk.role.create({ name: "Sneaky", permissions: ["read:auditLog"] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You cannot give a role “read:auditLog”: you do not hold it yourself.",
    });
    await expect(clerk.role.update({ roleId: managerId, name: "Account manager", description: "", permissions: ["manageSecurity:tenantSettings"] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(clerk.user.setRoles({ userId: t.users.clerk!, roleIds: [managerId, await roleId(t, "tenant_admin")] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You cannot grant “Tenant admin”: it holds permissions you do not have.",
    });
    await expect(clerk.user.setRoles({ userId: t.users.nurse!, roleIds: [await roleId(t, "data_entry_clerk")] })).resolves.toMatchObject({
      roles: ["Data entry clerk"],
    });
  });

  it("keeps the last active tenant admin", async () => {
    await expect(admin().user.setRoles({ userId: t.users.admin!, roleIds: [] })).rejects.toMatchObject({
      message: "This is the last active tenant admin; the role cannot be removed.",
    });
  });

  it("deletes a custom role only when nobody holds it", async () => {
    const { roleId: spare } = await admin().role.create({ name: "Spare", permissions: ["read:orgUnit"] });
    await admin().user.setRoles({ userId: t.users.nurse!, roleIds: [spare] });
    await expect(admin().role.delete({ roleId: spare })).rejects.toMatchObject({ message: "Remove this role from its 1 user(s) first." });
    await admin().user.setRoles({ userId: t.users.nurse!, roleIds: [] });
    await expect(admin().role.delete({ roleId: spare })).resolves.toEqual({ deleted: true });
  });

  it("another tenant's role is not found, and cannot be assigned", async () => {
    const foreign = await roleId(other, "tenant_admin");
    await expect(admin().role.delete({ roleId: foreign })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(admin().user.setRoles({ userId: t.users.nurse!, roleIds: [foreign] })).rejects.toMatchObject({
      message: "One of the roles was not found.",
    });
    const held = await withTenant(owner, { tenantId: other.id }, (tx) => tx.select().from(userRole).where(eq(userRole.roleId, foreign)));
    expect(held).toHaveLength(1);
  });
});
