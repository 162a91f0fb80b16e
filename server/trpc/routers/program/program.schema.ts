import { z } from "zod";
import { VALUE_TYPES } from "@/server/records/value-schema";

const name = z.string().trim().min(1, "Name is required.").max(200, "Name must be at most 200 characters.");
const description = z.string().trim().max(2000).default("");
const id = (what: string) => z.uuid(`${what} must be an id`);

/** A field's type and rules; option sets need options, ranges only for numbers, min ≤ max. */
const fieldRules = z
  .object({
    valueType: z.enum(VALUE_TYPES),
    options: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
    minValue: z.number().nullable().default(null),
    maxValue: z.number().nullable().default(null),
    mandatory: z.boolean().default(false),
    /** Position on forms; new fields go last when it is left out. */
    sortOrder: z.number().int().min(0).max(10000).optional(),
  })
  .refine((f) => (f.valueType === "option_set") === (f.options.length > 0), {
    message: "Option sets need at least one option; other types take none.",
    path: ["options"],
  })
  .refine((f) => new Set(f.options).size === f.options.length, { message: "Options must be different.", path: ["options"] })
  .refine((f) => f.valueType === "number" || (f.minValue === null && f.maxValue === null), { message: "Only numbers have a range.", path: ["minValue"] })
  .refine((f) => f.minValue === null || f.maxValue === null || f.minValue <= f.maxValue, { message: "The minimum must not exceed the maximum.", path: ["maxValue"] });

export const idInput = z.object({ id: id("id") });
export type IdInput = z.infer<typeof idInput>;

export const saveTypeInput = z.object({ id: id("id").optional(), name, description });
export type SaveTypeInput = z.infer<typeof saveTypeInput>;

export const saveAttributeInput = z.intersection(
  z.object({
    trackedEntityTypeId: id("trackedEntityTypeId"),
    id: id("id").optional(),
    name,
    unique: z.boolean().default(false),
    searchable: z.boolean().default(false),
    identifying: z.boolean().default(false),
  }),
  fieldRules,
);
export type SaveAttributeInput = z.infer<typeof saveAttributeInput>;

export const saveProgramInput = z.object({
  id: id("id").optional(),
  name,
  description,
  trackedEntityTypeId: id("trackedEntityTypeId"),
  accessLevel: z.enum(["open", "audited", "protected", "closed"]),
  /** Null: the tenant's default (3 hours unless the tenant says otherwise). */
  breakGlassMinutes: z.number().int().min(1, "At least 1 minute.").max(1440, "At most 24 hours.").nullable(),
  attributes: z.array(z.object({ attributeId: id("attributeId"), mandatory: z.boolean() })).max(100),
});
export type SaveProgramInput = z.infer<typeof saveProgramInput>;

export const setOrgUnitsInput = z.object({ programId: id("programId"), orgUnitIds: z.array(id("orgUnitId")).max(20000) });
export type SetOrgUnitsInput = z.infer<typeof setOrgUnitsInput>;

export const saveStageInput = z.object({
  programId: id("programId"),
  id: id("id").optional(),
  name,
  description,
  repeatable: z.boolean().default(false),
  sortOrder: z.number().int().min(0).max(10000).optional(),
});
export type SaveStageInput = z.infer<typeof saveStageInput>;

export const saveDataElementInput = z.intersection(z.object({ stageId: id("stageId"), id: id("id").optional(), name }), fieldRules);
export type SaveDataElementInput = z.infer<typeof saveDataElementInput>;
