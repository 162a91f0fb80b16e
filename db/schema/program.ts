import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orgUnit } from "./org-unit";
import { tenantIsolation, tenantKey, timestamps } from "./rls";
import { tenant } from "./tenant";

/**
 * Metadata: what a tenant records about people and in which programs. Every value a user enters
 * is validated by zod schemas built from these rows (server/records/value-schema.ts).
 */
export const valueType = pgEnum("value_type", ["text", "number", "date", "boolean", "option_set", "phone", "email", "identifier"]);

/** DHIS2 program access levels (DESIGN.md §2). */
export const accessLevel = pgEnum("access_level", ["open", "audited", "protected", "closed"]);

/** A kind of thing a program follows: a Person, a Household… */
export const trackedEntityType = pgTable(
  "tracked_entity_type",
  {
    ...tenantKey(),
    name: text().notNull(),
    description: text().notNull().default(""),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenant.id] }),
    uniqueIndex().on(t.tenantId, t.name),
    check("tracked_entity_type_name_not_blank", sql`length(btrim(${t.name})) > 0`),
    tenantIsolation(),
  ],
);

/**
 * An attribute of a tracked-entity type. `unique` values are unique per tenant (enforced by an
 * index on attribute values), `searchable` ones can be searched, `identifying` ones are personal
 * data that single a person out (a national id, a phone number).
 */
export const trackedEntityAttribute = pgTable(
  "tracked_entity_attribute",
  {
    ...tenantKey(),
    trackedEntityTypeId: uuid().notNull(),
    name: text().notNull(),
    valueType: valueType().notNull(),
    options: text().array().notNull().default(sql`'{}'::text[]`),
    minValue: numeric({ mode: "number" }),
    maxValue: numeric({ mode: "number" }),
    mandatory: boolean().notNull().default(false),
    unique: boolean().notNull().default(false),
    searchable: boolean().notNull().default(false),
    identifying: boolean().notNull().default(false),
    sortOrder: integer().notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.trackedEntityTypeId], foreignColumns: [trackedEntityType.tenantId, trackedEntityType.id] }),
    uniqueIndex().on(t.tenantId, t.trackedEntityTypeId, t.name),
    check("tracked_entity_attribute_name_not_blank", sql`length(btrim(${t.name})) > 0`),
    check("tracked_entity_attribute_options", sql`(${t.valueType} = 'option_set') = (cardinality(${t.options}) > 0)`),
    check("tracked_entity_attribute_range", sql`${t.minValue} is null or ${t.maxValue} is null or ${t.minValue} <= ${t.maxValue}`),
    tenantIsolation(),
  ],
);

/**
 * A program: people of one type enrolled at units where it runs, followed through stages. Its
 * access level decides who reads what (DESIGN.md §2); `breakGlassMinutes` null means the
 * tenant's default.
 */
export const program = pgTable(
  "program",
  {
    ...tenantKey(),
    name: text().notNull(),
    description: text().notNull().default(""),
    trackedEntityTypeId: uuid().notNull(),
    accessLevel: accessLevel().notNull().default("open"),
    breakGlassMinutes: integer(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.trackedEntityTypeId], foreignColumns: [trackedEntityType.tenantId, trackedEntityType.id] }),
    uniqueIndex().on(t.tenantId, t.name),
    check("program_name_not_blank", sql`length(btrim(${t.name})) > 0`),
    check("program_break_glass_minutes", sql`${t.breakGlassMinutes} is null or ${t.breakGlassMinutes} between 1 and 1440`),
    tenantIsolation(),
  ],
);

/** The units where a program runs: people are enrolled and owned only there. */
export const programOrgUnit = pgTable(
  "program_org_unit",
  {
    ...tenantKey(),
    programId: uuid().notNull(),
    orgUnitId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [program.tenantId, program.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnit.tenantId, orgUnit.id] }),
    uniqueIndex().on(t.tenantId, t.programId, t.orgUnitId),
    index().on(t.tenantId, t.orgUnitId),
    tenantIsolation(),
  ],
);

/** The type's attributes a program asks for at enrolment, each mandatory or not in this program. */
export const programAttribute = pgTable(
  "program_attribute",
  {
    ...tenantKey(),
    programId: uuid().notNull(),
    attributeId: uuid().notNull(),
    mandatory: boolean().notNull().default(false),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [program.tenantId, program.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.attributeId], foreignColumns: [trackedEntityAttribute.tenantId, trackedEntityAttribute.id] }),
    uniqueIndex().on(t.tenantId, t.programId, t.attributeId),
    tenantIsolation(),
  ],
);

/** A step of a program (a visit, a test); events are recorded against a stage. */
export const programStage = pgTable(
  "program_stage",
  {
    ...tenantKey(),
    programId: uuid().notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
    repeatable: boolean().notNull().default(false),
    sortOrder: integer().notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [program.tenantId, program.id] }).onDelete("cascade"),
    uniqueIndex().on(t.tenantId, t.programId, t.name),
    check("program_stage_name_not_blank", sql`length(btrim(${t.name})) > 0`),
    tenantIsolation(),
  ],
);

/** A typed value recorded at a stage, with its option set or numeric range. */
export const dataElement = pgTable(
  "data_element",
  {
    ...tenantKey(),
    stageId: uuid().notNull(),
    name: text().notNull(),
    valueType: valueType().notNull(),
    options: text().array().notNull().default(sql`'{}'::text[]`),
    minValue: numeric({ mode: "number" }),
    maxValue: numeric({ mode: "number" }),
    mandatory: boolean().notNull().default(false),
    sortOrder: integer().notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.stageId], foreignColumns: [programStage.tenantId, programStage.id] }).onDelete("cascade"),
    uniqueIndex().on(t.tenantId, t.stageId, t.name),
    check("data_element_name_not_blank", sql`length(btrim(${t.name})) > 0`),
    check("data_element_options", sql`(${t.valueType} = 'option_set') = (cardinality(${t.options}) > 0)`),
    check("data_element_range", sql`${t.minValue} is null or ${t.maxValue} is null or ${t.minValue} <= ${t.maxValue}`),
    tenantIsolation(),
  ],
);
