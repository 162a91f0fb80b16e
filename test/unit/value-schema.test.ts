import { describe, expect, it } from "vitest";
import { valueSchema, valuesSchema, type FieldMeta } from "@/server/records/value-schema";

const field = (over: Partial<FieldMeta>): FieldMeta => ({
  id: "f",
  name: "Field",
  valueType: "text",
  options: [],
  minValue: null,
  maxValue: null,
  mandatory: false,
  ...over,
});

const ok = (f: FieldMeta, value: string) => valueSchema(f).safeParse(value);

describe("values checked against their metadata", () => {
  it.each([
    ["number", { valueType: "number", minValue: 0.5, maxValue: 6 }, "3.20", "3.2"],
    ["date", { valueType: "date" }, "2024-02-29", "2024-02-29"],
    ["boolean", { valueType: "boolean" }, "true", "true"],
    ["option", { valueType: "option_set", options: ["Female", "Male"] }, "Female", "Female"],
    ["phone", { valueType: "phone" }, "+232 76 123456", "+232 76 123456"],
    ["email", { valueType: "email" }, " Nurse@Example.org ", "nurse@example.org"],
    ["identifier", { valueType: "identifier" }, "SL-0042/7", "SL-0042/7"],
    ["text", { valueType: "text" }, "  Aminata ", "Aminata"],
  ] as const)("accepts and normalizes a valid %s", (_, over, input, stored) => {
    expect(ok(field(over as Partial<FieldMeta>), input)).toEqual({ success: true, data: stored });
  });

  it.each([
    ["a number out of range", { valueType: "number", name: "Birth weight (kg)", minValue: 0.5, maxValue: 6 }, "7", "Birth weight (kg) must be at most 6."],
    ["a number below range", { valueType: "number", name: "Dose", minValue: 1, maxValue: 4 }, "0", "Dose must be at least 1."],
    ["not a number", { valueType: "number", name: "Dose" }, "two", "Dose must be a number."],
    ["an impossible date", { valueType: "date", name: "Date of birth" }, "2023-02-29", "Date of birth must be a date (YYYY-MM-DD)."],
    ["an unknown option", { valueType: "option_set", name: "Sex", options: ["Female", "Male"] }, "F", "Sex must be one of: Female, Male."],
    ["a yes/no that is neither", { valueType: "boolean", name: "BCG given" }, "maybe", "BCG given must be yes or no."],
    ["a malformed email", { valueType: "email", name: "Email" }, "nurse@", "Email must be an email address."],
    ["an identifier with spaces", { valueType: "identifier", name: "National ID" }, "SL 42", "National ID may use letters, digits and / _ . - (up to 64)."],
  ] as const)("refuses %s with a message naming the field", (_, over, input, message) => {
    const result = ok(field(over as Partial<FieldMeta>), input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe(message);
  });

  it("requires mandatory fields, drops empty ones and refuses fields that are not on the form", () => {
    const schema = valuesSchema([field({ id: "a", name: "First name", mandatory: true }), field({ id: "b", name: "Village" })]);
    expect(schema.safeParse({ a: "Fatmata", b: "" })).toEqual({ success: true, data: { a: "Fatmata" } });
    const missing = schema.safeParse({ b: "Bo" });
    expect(missing.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["a", "First name is required."]]);
    const unknown = schema.safeParse({ a: "Fatmata", z: "x" });
    expect(unknown.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["z", "This field is not part of the form."]]);
  });

  it("gives a mandatory field with a bad value one message: what is wrong with it", () => {
    const schema = valuesSchema([field({ id: "s", name: "Score", valueType: "number", maxValue: 100, mandatory: true })]);
    expect(schema.safeParse({ s: "101" }).error!.issues.map((i) => i.message)).toEqual(["Score must be at most 100."]);
  });

  it("lets a partial edit leave mandatory fields out", () => {
    const schema = valuesSchema([field({ id: "a", name: "First name", mandatory: true })], { partial: true });
    expect(schema.safeParse({})).toEqual({ success: true, data: {} });
  });
});
