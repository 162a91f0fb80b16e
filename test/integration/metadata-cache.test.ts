import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { dataElement, tenant, trackedEntityAttribute } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { plantRecord } from "../fixtures/records";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { callerAs } from "./callers";
import { testDatabases } from "./databases";

/** Metadata kept by the process between requests, and the version that says when it changed (migration 0057). */
const { owner } = testDatabases();
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  [a, b] = await Promise.all([createTenantFixture(owner, "meta-a"), createTenantFixture(owner, "meta-b")]);
});

const plant = () => withTenant(owner, { tenantId: a.id }, (tx) => plantRecord(tx, a.id, a.records, "open", a.units["north-a-1"]!));
const versionOf = async (f: TenantFixture) => {
  const [row] = await owner.select({ version: tenant.metadataVersion }).from(tenant).where(eq(tenant.id, f.id));
  return row!.version;
};
const attributeName = (record: { attributes: { id: string; name: string }[] }, id: string) => record.attributes.find((x) => x.id === id)?.name;

describe("the tenant's metadata version", () => {
  it("rises with every write to a metadata table, in the writing transaction, and with nothing else", async () => {
    const before = await versionOf(a);
    const admin = callerAs(a, a.users.admin!);
    const { id: typeId } = await admin.program.saveType({ name: "Household", description: "" });
    const afterType = await versionOf(a);
    expect(afterType).toBeGreaterThan(before);
    await admin.program.saveAttribute({ trackedEntityTypeId: typeId, name: "Head of household", valueType: "text" });
    const afterAttribute = await versionOf(a);
    expect(afterAttribute).toBeGreaterThan(afterType);
    // A write that fails leaves the version where it was.
    await expect(admin.program.saveAttribute({ trackedEntityTypeId: typeId, name: "x".repeat(201), valueType: "text" })).rejects.toThrow();
    expect(await versionOf(a)).toBe(afterAttribute);
    // Records are not metadata.
    await callerAs(a, a.users.nurse!).record.register({
      trackedEntityTypeId: a.records.typeId,
      orgUnitId: a.units["north-a-1"]!,
      attributes: { [a.records.attributes.firstName]: "Fatmata", [a.records.attributes.lastName]: "Koroma" },
    });
    expect(await versionOf(a)).toBe(afterAttribute);
    // Another tenant's version does not move.
    const other = await versionOf(b);
    await withTenant(owner, { tenantId: a.id }, (tx) =>
      tx.update(dataElement).set({ name: "Score (0–100)" }).where(eq(dataElement.id, a.records.programs.open.elementId)),
    );
    expect(await versionOf(a)).toBe(afterAttribute + 1);
    expect(await versionOf(b)).toBe(other);
  });
});

describe("metadata kept between requests", () => {
  it("is read again once an admin has changed it", async () => {
    const planted = await plant();
    const nurse = () => callerAs(a, a.users.nurse!);
    expect(attributeName(await nurse().record.get({ personId: planted.personId }), a.records.attributes.village)).toBe("Village");
    await callerAs(a, a.users.admin!).program.saveAttribute({
      trackedEntityTypeId: a.records.typeId,
      id: a.records.attributes.village,
      name: "Village or town",
      valueType: "text",
      sortOrder: 3,
    });
    expect(attributeName(await nurse().record.get({ personId: planted.personId }), a.records.attributes.village)).toBe("Village or town");
  });

  it("is served from the process while the version stands (a change that kept the version is not seen)", async () => {
    const planted = await plant();
    const nurse = () => callerAs(a, a.users.nurse!);
    const first = await nurse().record.get({ personId: planted.personId });
    const name = attributeName(first, a.records.attributes.firstName);
    // Renamed behind the trigger's back: the version is put back in the same transaction.
    await withTenant(owner, { tenantId: a.id }, async (tx) => {
      const [kept] = await tx.select({ version: tenant.metadataVersion }).from(tenant).where(eq(tenant.id, a.id));
      await tx.update(trackedEntityAttribute).set({ name: "Given name" }).where(eq(trackedEntityAttribute.id, a.records.attributes.firstName));
      await tx.update(tenant).set({ metadataVersion: kept!.version }).where(eq(tenant.id, a.id));
    });
    expect(attributeName(await nurse().record.get({ personId: planted.personId }), a.records.attributes.firstName)).toBe(name);
    await withTenant(owner, { tenantId: a.id }, (tx) => tx.execute(sql`update tenant set metadata_version = metadata_version + 1 where id = ${a.id}`));
    expect(attributeName(await nurse().record.get({ personId: planted.personId }), a.records.attributes.firstName)).toBe("Given name");
  });

  it("takes the tenant's new record settings at the next search", async () => {
    const search = () =>
      callerAs(a, a.users.nurse!).record.search({ trackedEntityTypeId: a.records.typeId, criteria: [{ attributeId: a.records.attributes.lastName, value: "Kor" }] });
    const before = await versionOf(a);
    const { searchMinAttributes } = await search();
    await callerAs(a, a.users.admin!).tenantSettings.updateRecords({ breakGlassMinutes: 90, searchMinAttributes: searchMinAttributes + 1 });
    expect(await versionOf(a)).toBe(before + 1);
    expect((await search()).searchMinAttributes).toBe(searchMinAttributes + 1);
  });

  it("never answers for another tenant, even at the same version: a program kept for one is not found from the other", async () => {
    const planted = await plant();
    await owner.update(tenant).set({ metadataVersion: await versionOf(a) }).where(eq(tenant.id, b.id));
    await callerAs(a, a.users.nurse!).record.get({ personId: planted.personId });
    const registering = callerAs(b, b.users.nurse!).record.register({
      trackedEntityTypeId: b.records.typeId,
      orgUnitId: b.units["north-a-1"]!,
      attributes: { [b.records.attributes.firstName]: "Aminata", [b.records.attributes.lastName]: "Sesay" },
      enrollment: { programId: a.records.programs.open.id, enrolledOn: "2026-11-01" },
    });
    await expect(registering).rejects.toThrow(/program/i);
    // And the search of tenant b does not take tenant a's type.
    const search = callerAs(b, b.users.nurse!).record.search({
      trackedEntityTypeId: a.records.typeId,
      criteria: [{ attributeId: a.records.attributes.lastName, value: "Kor" }],
    });
    await expect(search).rejects.toThrow();
  });
});
