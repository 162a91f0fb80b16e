import { beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { callerAs } from "./callers";
import { testDatabases } from "./databases";

/** Metadata administration: types, attributes, programs, units, stages and data elements. */
const { owner } = testDatabases();
let f: TenantFixture;
let other: TenantFixture;
const admin = () => callerAs(f, f.users.admin!);

beforeAll(async () => {
  [f, other] = await Promise.all([createTenantFixture(owner, "meta"), createTenantFixture(owner, "meta-other")]);
});

describe("metadata administration", () => {
  it("builds a program end to end whose metadata then validates its data", async () => {
    const { id: typeId } = await admin().program.saveType({ name: "Household", description: "" });
    const { id: headId } = await admin().program.saveAttribute({ trackedEntityTypeId: typeId, name: "Head of household", valueType: "text", mandatory: true, searchable: true });
    const { id: programId } = await admin().program.save({
      name: "Bed nets",
      description: "",
      trackedEntityTypeId: typeId,
      accessLevel: "audited",
      breakGlassMinutes: null,
      attributes: [{ attributeId: headId, mandatory: true }],
    });
    await admin().program.setOrgUnits({ programId, orgUnitIds: [f.units["north-a-1"]!, f.units["north-a-2"]!] });
    const { id: stageId } = await admin().program.saveStage({ programId, name: "Distribution", description: "", repeatable: true });
    await admin().program.saveDataElement({ stageId, name: "Nets given", valueType: "number", minValue: 0, maxValue: 10, mandatory: true });
    await admin().program.saveDataElement({ stageId, name: "Net type", valueType: "option_set", options: ["LLIN", "Untreated"] });
    const program = await admin().program.get({ id: programId });
    expect({
      level: program.accessLevel,
      units: program.orgUnits.map((u) => u.name),
      attributes: program.attributes.map((a) => [a.name, a.mandatory]),
      elements: program.stages[0]!.dataElements.map((e) => [e.name, e.valueType, e.options]),
    }).toEqual({
      level: "audited",
      units: ["Clinic A1", "Clinic A2"],
      attributes: [["Head of household", true]],
      elements: [
        ["Nets given", "number", []],
        ["Net type", "option_set", ["LLIN", "Untreated"]],
      ],
    });
  });

  it("refuses inconsistent fields with precise messages", async () => {
    const type = f.records.typeId;
    await expect(admin().program.saveAttribute({ trackedEntityTypeId: type, name: "Blood group", valueType: "option_set" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [{ message: "Option sets need at least one option; other types take none." }] },
    });
    await expect(admin().program.saveAttribute({ trackedEntityTypeId: type, name: "Age", valueType: "number", minValue: 10, maxValue: 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [{ message: "The minimum must not exceed the maximum." }] },
    });
    await expect(
      admin().program.saveAttribute({ trackedEntityTypeId: type, id: f.records.attributes.nationalId, name: "National ID", valueType: "text", unique: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "An attribute's value type and uniqueness cannot change; create a new attribute instead." });
    await expect(
      admin().program.save({ name: "open program", description: "", trackedEntityTypeId: type, accessLevel: "open", breakGlassMinutes: null, attributes: [] }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "A program with this name exists already." });
    await expect(
      admin().program.save({ name: "Long glass", description: "", trackedEntityTypeId: type, accessLevel: "protected", breakGlassMinutes: 5000, attributes: [] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is refused to staff, and another tenant's program is not found", async () => {
    await expect(callerAs(f, f.users.nurse!).program.saveType({ name: "Nope", description: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(other, other.users.admin!).program.get({ id: f.records.programs.open.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      callerAs(other, other.users.admin!).program.setOrgUnits({ programId: f.records.programs.open.id, orgUnitIds: [] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the program list", () => {
  it("counts the units where each program runs", async () => {
    const list = await admin().program.list();
    expect(list.find((p) => p.name === "open program")?.unitCount).toBe(Object.keys(f.units).length);
  });
});
