import type { ValueType } from "@/server/records/value-schema";
import type { Transaction } from "../client";
import { dataElement, program, programAttribute, programOrgUnit, programStage, trackedEntityAttribute, trackedEntityType } from "../schema";
import { insertInBatches } from "./batch";

/**
 * The demo tenant's health-record metadata: a Person type and one program per access level
 * (DESIGN.md §2), so every access rule has something to show.
 */

/** How the seed draws a value; metadata proper (type, options, range) stays in the definition. */
export type Sample = {
  /** Realistic bounds inside the element's range, e.g. birth weights rather than 0.5–6 kg. */
  range?: readonly [number, number];
  decimals?: number;
  /** Values to pick from instead (free text, skewed numbers). */
  choices?: readonly string[];
};

export type ElementDefinition = {
  name: string;
  valueType: ValueType;
  options?: readonly string[];
  min?: number;
  max?: number;
  mandatory?: boolean;
  sample?: Sample;
};

type StageDefinition = { name: string; repeatable: boolean; elements: readonly ElementDefinition[] };

const PERSON_ATTRIBUTES = [
  { name: "National ID", valueType: "identifier", unique: true, searchable: true, identifying: true },
  { name: "First name", valueType: "text", mandatory: true, searchable: true },
  { name: "Last name", valueType: "text", mandatory: true, searchable: true },
  { name: "Sex", valueType: "option_set", options: ["Female", "Male"] },
  { name: "Date of birth", valueType: "date", mandatory: true },
  { name: "Phone number", valueType: "phone", searchable: true, identifying: true },
  { name: "Village", valueType: "text" },
] as const satisfies readonly (Omit<ElementDefinition, "sample"> & { unique?: boolean; searchable?: boolean; identifying?: boolean })[];

export type AttributeName = (typeof PERSON_ATTRIBUTES)[number]["name"];

/** Asked at every enrolment; only newborns may lack a National ID. */
const ENROLMENT_BASICS: readonly AttributeName[] = ["First name", "Last name", "Sex", "Date of birth"];

const PROGRAMS = [
  {
    name: "Child vaccination",
    description: "Routine immunisation of children from birth.",
    accessLevel: "open",
    mandatoryAttributes: ENROLMENT_BASICS,
    stages: [
      {
        name: "Birth",
        repeatable: false,
        elements: [
          { name: "Birth weight (kg)", valueType: "number", min: 0.5, max: 6, mandatory: true, sample: { range: [2, 4.2], decimals: 1 } },
          { name: "BCG given", valueType: "boolean" },
        ],
      },
      {
        name: "Immunisation visit",
        repeatable: true,
        elements: [
          { name: "Vaccine", valueType: "option_set", options: ["BCG", "OPV", "Penta", "Measles", "Yellow fever"], mandatory: true },
          { name: "Dose number", valueType: "number", min: 1, max: 4 },
          { name: "Next visit date", valueType: "date" },
        ],
      },
    ],
  },
  {
    name: "Antenatal care",
    description: "Care of pregnant women from the first visit to delivery.",
    accessLevel: "audited",
    mandatoryAttributes: [...ENROLMENT_BASICS, "National ID"],
    stages: [
      {
        name: "First visit",
        repeatable: false,
        elements: [
          { name: "Gestational age (weeks)", valueType: "number", min: 4, max: 42, mandatory: true, sample: { range: [8, 24] } },
          { name: "Haemoglobin (g/dL)", valueType: "number", min: 3, max: 20, sample: { range: [7, 14], decimals: 1 } },
          { name: "HIV test result", valueType: "option_set", options: ["Positive", "Negative", "Not done"] },
        ],
      },
      {
        name: "Follow-up visit",
        repeatable: true,
        elements: [
          { name: "Gestational age (weeks)", valueType: "number", min: 4, max: 42, mandatory: true, sample: { range: [16, 40] } },
          { name: "Blood pressure", valueType: "text", sample: { choices: ["100/65", "110/70", "118/76", "120/80", "130/85", "140/90"] } },
        ],
      },
    ],
  },
  {
    name: "HIV care",
    description: "Antiretroviral therapy and follow-up of people living with HIV.",
    accessLevel: "protected",
    mandatoryAttributes: [...ENROLMENT_BASICS, "National ID"],
    stages: [
      {
        name: "Enrolment assessment",
        repeatable: false,
        elements: [
          { name: "CD4 count", valueType: "number", min: 0, max: 5000, sample: { range: [50, 1200] } },
          { name: "WHO stage", valueType: "option_set", options: ["1", "2", "3", "4"], mandatory: true },
        ],
      },
      {
        name: "ART visit",
        repeatable: true,
        elements: [
          { name: "Regimen", valueType: "option_set", options: ["TDF/3TC/DTG", "AZT/3TC/NVP", "ABC/3TC/DTG"], mandatory: true },
          // Mostly suppressed, as on treatment; a few high loads.
          { name: "Viral load (copies/mL)", valueType: "number", min: 0, max: 10_000_000, sample: { choices: ["0", "20", "40", "150", "800", "1200", "25000", "180000"] } },
          { name: "Adherence", valueType: "option_set", options: ["Good", "Fair", "Poor"] },
        ],
      },
    ],
  },
  {
    name: "Mental health",
    description: "Assessment and follow-up of mental-health conditions.",
    accessLevel: "closed",
    mandatoryAttributes: [...ENROLMENT_BASICS, "National ID"],
    stages: [
      {
        name: "Assessment",
        repeatable: false,
        elements: [
          { name: "PHQ-9 score", valueType: "number", min: 0, max: 27, mandatory: true },
          { name: "Diagnosis", valueType: "option_set", options: ["Depression", "Anxiety", "Psychosis", "Substance use", "Other"], mandatory: true },
        ],
      },
      {
        name: "Follow-up",
        repeatable: true,
        elements: [
          { name: "PHQ-9 score", valueType: "number", min: 0, max: 27, mandatory: true },
          { name: "Notes", valueType: "text", sample: { choices: ["Improving.", "No change since last visit.", "Sleeping better.", "Missed one appointment.", "Referred to district hospital.", "Family support good."] } },
        ],
      },
    ],
  },
] as const satisfies readonly {
  name: string;
  description: string;
  accessLevel: "open" | "audited" | "protected" | "closed";
  mandatoryAttributes: readonly AttributeName[];
  stages: readonly StageDefinition[];
}[];

export type DemoProgramName = (typeof PROGRAMS)[number]["name"];

/** The demo programs, one per access level, for tests and docs. */
export const DEMO_PROGRAM_NAMES: readonly DemoProgramName[] = PROGRAMS.map((p) => p.name);
export const DEMO_PROGRAM_ACCESS = Object.fromEntries(PROGRAMS.map((p) => [p.name, p.accessLevel])) as Record<DemoProgramName, (typeof PROGRAMS)[number]["accessLevel"]>;

export type SeededStage = { id: string; repeatable: boolean; elements: { id: string; definition: ElementDefinition }[] };
export type DemoMetadata = {
  personTypeId: string;
  attributeIds: Record<AttributeName, string>;
  /** Per program its id and stages in order: the first is the one-off intake stage. */
  programs: Record<DemoProgramName, { id: string; stages: SeededStage[] }>;
};

/** Inserts the metadata; every program runs at `unitIds` (the facilities, plus any unit that enrols). */
export async function seedDemoPrograms(tx: Transaction, tenantId: string, unitIds: readonly string[]): Promise<DemoMetadata> {
  const [person] = await tx
    .insert(trackedEntityType)
    .values({ tenantId, name: "Person", description: "A person followed by one or more health programs." })
    .returning({ id: trackedEntityType.id });
  const personTypeId = person!.id;
  const attributes = await tx
    .insert(trackedEntityAttribute)
    .values(
      PERSON_ATTRIBUTES.map((attribute, index) => ({
        tenantId,
        trackedEntityTypeId: personTypeId,
        ...attribute,
        options: "options" in attribute ? [...attribute.options] : [],
        sortOrder: index + 1,
      })),
    )
    .returning({ id: trackedEntityAttribute.id, name: trackedEntityAttribute.name });
  const attributeIds = Object.fromEntries(attributes.map((a) => [a.name, a.id])) as Record<AttributeName, string>;

  const programs = {} as DemoMetadata["programs"];
  for (const definition of PROGRAMS) {
    const [row] = await tx
      .insert(program)
      .values({ tenantId, name: definition.name, description: definition.description, trackedEntityTypeId: personTypeId, accessLevel: definition.accessLevel })
      .returning({ id: program.id });
    const programId = row!.id;
    await tx.insert(programAttribute).values(
      PERSON_ATTRIBUTES.map((attribute, index) => ({
        tenantId,
        programId,
        attributeId: attributeIds[attribute.name],
        mandatory: (definition.mandatoryAttributes as readonly AttributeName[]).includes(attribute.name),
        sortOrder: index + 1,
      })),
    );
    await insertInBatches(tx, programOrgUnit, unitIds.map((orgUnitId) => ({ tenantId, programId, orgUnitId })));
    programs[definition.name] = { id: programId, stages: await seedStages(tx, tenantId, programId, definition.stages) };
  }
  return { personTypeId, attributeIds, programs };
}

async function seedStages(tx: Transaction, tenantId: string, programId: string, stages: readonly StageDefinition[]): Promise<SeededStage[]> {
  const seeded: SeededStage[] = [];
  for (const [index, stage] of stages.entries()) {
    const [row] = await tx
      .insert(programStage)
      .values({ tenantId, programId, name: stage.name, repeatable: stage.repeatable, sortOrder: index + 1 })
      .returning({ id: programStage.id });
    const elements = await tx
      .insert(dataElement)
      .values(
        stage.elements.map((element, order) => ({
          tenantId,
          stageId: row!.id,
          name: element.name,
          valueType: element.valueType,
          options: [...(element.options ?? [])],
          minValue: element.min ?? null,
          maxValue: element.max ?? null,
          mandatory: element.mandatory ?? false,
          sortOrder: order + 1,
        })),
      )
      .returning({ id: dataElement.id, sortOrder: dataElement.sortOrder });
    seeded.push({
      id: row!.id,
      repeatable: stage.repeatable,
      elements: elements.map((element) => ({ id: element.id, definition: stage.elements[element.sortOrder - 1]! })),
    });
  }
  return seeded;
}
