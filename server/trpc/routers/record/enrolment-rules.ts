import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { pipelined } from "@/db/pipelined";
import { enrollment, ownershipChange, programOrgUnit, programOwnership } from "@/db/schema";
import type { ProgramWithAttributes } from "@/server/records/metadata";
import { programMeta } from "@/server/records/metadata-cache";
import type { ProtectedContext } from "@/server/trpc/init";
import { auditRecord } from "./audit-record";

/*
 * What an enrolment must satisfy before anything is written, and the rows it writes: shared by
 * enrolling a registered person and by registering a person together with their first enrolment.
 */

const today = () => new Date().toISOString().slice(0, 10);

type EnrolmentRequest = {
  programId: string;
  /** The kind of record the person is: the program must be one for it. */
  trackedEntityTypeId: string;
  enrolledOn: string;
  /** The person's values (attribute id → value): the program's required attributes must be among them. */
  values: Record<string, string>;
  /** The enrolling unit, already checked to take data in the caller's capture scope. */
  unitId: string;
  unitName: string;
};

/** Checks an enrolment before anything is written; returns the program with its attributes. */
export async function checkEnrolment(ctx: ProtectedContext, request: EnrolmentRequest): Promise<ProgramWithAttributes> {
  const [program, runsAtUnit] = await pipelined([programMeta(ctx, request.programId), programRunsAt(ctx, request.programId, request.unitId)]);
  return judgeEnrolment(request, program, runsAtUnit);
}

/**
 * The verdict on an enrolment from what was read for it (the program, and whether it runs at the
 * unit), in a fixed order: the program, the date, the unit, the required attributes. Apart from
 * the reads, so that a handler can send them together with its own.
 */
export function judgeEnrolment(request: EnrolmentRequest, program: ProgramWithAttributes | null, runsAtUnit: boolean): ProgramWithAttributes {
  if (!program || program.trackedEntityTypeId !== request.trackedEntityTypeId) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "That program does not exist for this kind of record." });
  }
  if (request.enrolledOn > today()) throw new TRPCError({ code: "BAD_REQUEST", message: "The enrolment date cannot be in the future." });
  if (!runsAtUnit) throw notRunAt(request.unitName);
  const missing = program.attributes.filter((a) => a.mandatory && !Object.hasOwn(request.values, a.id));
  if (missing.length) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Record ${missing.map((a) => a.name).join(", ")} before enrolling in ${program.name}.` });
  }
  return program;
}

/** Whether a program runs at a unit (people are enrolled, owned and seen there). */
export async function programRunsAt(ctx: ProtectedContext, programId: string, unitId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: programOrgUnit.id })
    .from(programOrgUnit)
    .where(and(eq(programOrgUnit.tenantId, ctx.tenant.id), eq(programOrgUnit.programId, programId), eq(programOrgUnit.orgUnitId, unitId)));
  return row !== undefined;
}

export const notRunAt = (unitName: string) => new TRPCError({ code: "BAD_REQUEST", message: `This program does not run at ${unitName}.` });

/** Refuses a unit where the program does not run. */
export async function ensureProgramRunsAt(ctx: ProtectedContext, programId: string, unitId: string, unitName: string) {
  if (!(await programRunsAt(ctx, programId, unitId))) throw notRunAt(unitName);
}

type Pair = { personId: string; programId: string };

/** The first owner of a (person, program). Alone, so that a caller racing another enrolment can wrap it in a savepoint. */
export const insertFirstOwner = (db: ProtectedContext["db"], tenantId: string, pair: Pair, unitId: string) =>
  db.insert(programOwnership).values({ tenantId, trackedEntityId: pair.personId, programId: pair.programId, ownerUnitId: unitId });

/** The ownership history's first row: who made the unit the owner. */
export const recordFirstOwner = (ctx: ProtectedContext, pair: Pair, unitId: string) =>
  ctx.db.insert(ownershipChange).values({ tenantId: ctx.tenant.id, trackedEntityId: pair.personId, programId: pair.programId, toUnitId: unitId, changedBy: ctx.session.userId });

/** The enrolment row (its id chosen here, so nothing waits for it) and its audit row, as statements for `inOrder`. */
export function enrolmentWrites(ctx: ProtectedContext, pair: Pair, unitId: string, enrolledOn: string, enrollmentId: string): (() => PromiseLike<unknown>)[] {
  return [
    () =>
      ctx.db
        .insert(enrollment)
        .values({ id: enrollmentId, tenantId: ctx.tenant.id, trackedEntityId: pair.personId, programId: pair.programId, orgUnitId: unitId, enrolledOn, createdBy: ctx.session.userId }),
    () => auditRecord(ctx, "enrollment.created", pair.personId, { enrollmentId }, { programId: pair.programId, orgUnitId: unitId }),
  ];
}
