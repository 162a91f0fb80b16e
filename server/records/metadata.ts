import { and, asc, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { pipelined } from "@/db/pipelined";
import { dataElement, program, programAttribute, programStage, trackedEntityAttribute } from "@/db/schema";
import type { FieldMeta } from "./value-schema";

export type AttributeMeta = FieldMeta & { unique: boolean; searchable: boolean; identifying: boolean; sortOrder: number };
export type StageMeta = { id: string; name: string; description: string; repeatable: boolean; dataElements: FieldMeta[] };
/** A program and its attributes: what enrolling checks. */
export type ProgramWithAttributes = {
  id: string;
  name: string;
  description: string;
  trackedEntityTypeId: string;
  accessLevel: "open" | "audited" | "protected" | "closed";
  breakGlassMinutes: number | null;
  /** The program's attributes, each mandatory as the program says. */
  attributes: AttributeMeta[];
};
export type ProgramMeta = ProgramWithAttributes & { stages: StageMeta[] };

const attributeColumns = {
  id: trackedEntityAttribute.id,
  name: trackedEntityAttribute.name,
  valueType: trackedEntityAttribute.valueType,
  options: trackedEntityAttribute.options,
  minValue: trackedEntityAttribute.minValue,
  maxValue: trackedEntityAttribute.maxValue,
  mandatory: trackedEntityAttribute.mandatory,
  unique: trackedEntityAttribute.unique,
  searchable: trackedEntityAttribute.searchable,
  identifying: trackedEntityAttribute.identifying,
  sortOrder: trackedEntityAttribute.sortOrder,
};

/** A tracked-entity type's attributes in form order; `mandatory` is the type's own rule (registration). */
export function loadTypeAttributes(tx: Transaction, tenantId: string, typeId: string): Promise<AttributeMeta[]> {
  return tx
    .select(attributeColumns)
    .from(trackedEntityAttribute)
    .where(and(eq(trackedEntityAttribute.tenantId, tenantId), eq(trackedEntityAttribute.trackedEntityTypeId, typeId)))
    .orderBy(asc(trackedEntityAttribute.sortOrder), asc(trackedEntityAttribute.name));
}

const elementColumns = {
  stageId: dataElement.stageId,
  id: dataElement.id,
  name: dataElement.name,
  valueType: dataElement.valueType,
  options: dataElement.options,
  minValue: dataElement.minValue,
  maxValue: dataElement.maxValue,
  mandatory: dataElement.mandatory,
};

const stageColumns = { id: programStage.id, name: programStage.name, description: programStage.description, repeatable: programStage.repeatable };

/**
 * Programs with their attributes (those that exist, in no particular order): two statements
 * however many, sent together. (An attribute row names an existing program: the foreign key.)
 */
async function loadProgramsWithAttributes(tx: Transaction, tenantId: string, programIds: string[]): Promise<ProgramWithAttributes[]> {
  if (!programIds.length) return [];
  const [rows, attributes] = await pipelined([
    tx
      .select({
        id: program.id,
        name: program.name,
        description: program.description,
        trackedEntityTypeId: program.trackedEntityTypeId,
        accessLevel: program.accessLevel,
        breakGlassMinutes: program.breakGlassMinutes,
      })
      .from(program)
      .where(and(eq(program.tenantId, tenantId), inArray(program.id, programIds))),
    tx
      .select({ programId: programAttribute.programId, ...attributeColumns, mandatory: programAttribute.mandatory, sortOrder: programAttribute.sortOrder })
      .from(programAttribute)
      .innerJoin(
        trackedEntityAttribute,
        and(eq(trackedEntityAttribute.tenantId, programAttribute.tenantId), eq(trackedEntityAttribute.id, programAttribute.attributeId)),
      )
      .where(and(eq(programAttribute.tenantId, tenantId), inArray(programAttribute.programId, programIds)))
      .orderBy(asc(programAttribute.sortOrder), asc(trackedEntityAttribute.name)),
  ]);
  return rows.map((row) => ({
    ...row,
    attributes: attributes.filter((a) => a.programId === row.id).map(({ programId: _, ...a }) => a),
  }));
}

/**
 * Everything that validates the data of each program asked for that exists, by id: four
 * statements however many programs (a record page shows every program its person is in), sent
 * together in one round trip (db/pipelined.ts).
 */
export async function loadProgramsMeta(tx: Transaction, tenantId: string, programIds: string[]): Promise<Map<string, ProgramMeta>> {
  const ids = [...new Set(programIds)];
  if (!ids.length) return new Map();
  const [programs, stages, elements] = await pipelined([
    loadProgramsWithAttributes(tx, tenantId, ids),
    tx
      .select({ programId: programStage.programId, ...stageColumns })
      .from(programStage)
      .where(and(eq(programStage.tenantId, tenantId), inArray(programStage.programId, ids)))
      .orderBy(asc(programStage.sortOrder), asc(programStage.name)),
    tx
      .select(elementColumns)
      .from(dataElement)
      .innerJoin(programStage, and(eq(programStage.tenantId, dataElement.tenantId), eq(programStage.id, dataElement.stageId)))
      .where(and(eq(dataElement.tenantId, tenantId), inArray(programStage.programId, ids)))
      .orderBy(asc(dataElement.sortOrder), asc(dataElement.name)),
  ]);
  return new Map(
    programs.map((p) => [
      p.id,
      {
        ...p,
        stages: stages
          .filter((stage) => stage.programId === p.id)
          .map(({ programId: _, ...stage }) => ({
            ...stage,
            dataElements: elements.filter((e) => e.stageId === stage.id).map(({ stageId: _, ...e }) => e),
          })),
      },
    ]),
  );
}

/** Everything that validates a program's data, or null when the program does not exist. */
export async function loadProgramMeta(tx: Transaction, tenantId: string, programId: string): Promise<ProgramMeta | null> {
  return (await loadProgramsMeta(tx, tenantId, [programId])).get(programId) ?? null;
}
