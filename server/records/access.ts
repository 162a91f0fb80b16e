import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";

/**
 * The application's side of DESIGN.md §2. Every query here runs as the runtime role, so RLS has
 * already removed what the caller may not see; these helpers add what the policies cannot say
 * by themselves (why a record is visible, whether it is writable) and turn absence into one
 * identical "not found".
 */
export const NOT_FOUND_MESSAGE = "Not found.";
export const notFound = () => new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND_MESSAGE });

export type AccessLevel = "open" | "audited" | "protected" | "closed";

export type PairAccess = {
  ownershipId: string;
  personId: string;
  programId: string;
  programName: string;
  accessLevel: AccessLevel;
  ownerUnitId: string;
  ownerUnitName: string;
  ownerInCapture: boolean;
  writable: boolean;
  /** The caller's active break-the-glass grant on this pair, when that is what lets them read it. */
  grant: { id: string; expiresAt: Date } | null;
};

type PairRow = {
  ownership_id: string;
  person_id: string;
  program_id: string;
  program_name: string;
  access_level: AccessLevel;
  owner_unit_id: string;
  owner_unit_name: string;
  owner_in_capture: boolean;
  writable: boolean;
  grant_id: string | null;
  grant_expires_at: Date | string | null;
};

/** The (person, program) pairs the caller can read — RLS decides which — with how and why. */
export async function visiblePairs(tx: Transaction, tenantId: string, personId: string, programId?: string): Promise<PairAccess[]> {
  const rows = await tx.execute<PairRow>(sql`
    select o.id as ownership_id, o.tracked_entity_id as person_id, o.program_id, p.name as program_name,
           p.access_level, o.owner_unit_id, u.name as owner_unit_name,
           u.path <@ any((select app_scope_paths('capture'))::ltree[]) as owner_in_capture,
           app_pair_writable(o.tenant_id, o.tracked_entity_id, o.program_id) as writable,
           g.id as grant_id, g.expires_at as grant_expires_at
    from program_ownership o
    join program p on p.tenant_id = o.tenant_id and p.id = o.program_id
    join org_unit u on u.tenant_id = o.tenant_id and u.id = o.owner_unit_id
    left join lateral (
      select g.id, g.expires_at from break_glass_grant g
      where g.tenant_id = o.tenant_id and g.user_id = (select app_current_user_id())
        and g.tracked_entity_id = o.tracked_entity_id and g.program_id = o.program_id
        and g.ended_at is null and g.expires_at > statement_timestamp()
      order by g.expires_at desc limit 1) g on true
    where o.tenant_id = ${tenantId} and o.tracked_entity_id = ${personId}
      ${programId ? sql`and o.program_id = ${programId}` : sql``}
    order by p.name`);
  return rows.map((row) => {
    const grantApplies = row.access_level === "protected" && !row.owner_in_capture && !row.writable && row.grant_id !== null;
    return {
      ownershipId: row.ownership_id,
      personId: row.person_id,
      programId: row.program_id,
      programName: row.program_name,
      accessLevel: row.access_level,
      ownerUnitId: row.owner_unit_id,
      ownerUnitName: row.owner_unit_name,
      ownerInCapture: row.owner_in_capture,
      writable: row.writable,
      grant: grantApplies ? { id: row.grant_id!, expiresAt: new Date(row.grant_expires_at!) } : null,
    };
  });
}

/** A pair the caller can read, or not found (hidden and non-existent alike). */
export async function readablePair(tx: Transaction, tenantId: string, personId: string, programId: string): Promise<PairAccess> {
  const [pair] = await visiblePairs(tx, tenantId, personId, programId);
  if (!pair) throw notFound();
  return pair;
}

/** A pair the caller can change: readable, and not only through a break-the-glass grant. */
export async function writablePair(tx: Transaction, tenantId: string, personId: string, programId: string): Promise<PairAccess> {
  const pair = await readablePair(tx, tenantId, personId, programId);
  if (!pair.writable) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Your access to this record is read-only." });
  }
  return pair;
}

/** A person the caller can see (through any program, or the registration unit), or not found. */
export async function visiblePerson(tx: Transaction, tenantId: string, personId: string) {
  const [row] = await tx.execute<{
    id: string;
    tracked_entity_type_id: string;
    registration_unit_id: string;
    registration_unit_name: string;
    ever_enrolled: boolean;
    writable: boolean;
    created_at: Date | string;
    erased_at: Date | string | null;
    erasure_ground: string | null;
    attribute_values: Record<string, string>;
  }>(sql`
    select t.id, t.tracked_entity_type_id, t.registration_unit_id, u.name as registration_unit_name, t.ever_enrolled,
           app_person_writable(t.tenant_id, t.id) as writable, t.created_at, t.erased_at, t.erasure_ground, t.attribute_values
    from tracked_entity t
    join org_unit u on u.tenant_id = t.tenant_id and u.id = t.registration_unit_id
    where t.tenant_id = ${tenantId} and t.id = ${personId}`);
  if (!row) throw notFound();
  return {
    id: row.id,
    trackedEntityTypeId: row.tracked_entity_type_id,
    registrationUnitId: row.registration_unit_id,
    registrationUnitName: row.registration_unit_name,
    everEnrolled: row.ever_enrolled,
    writable: row.writable,
    createdAt: new Date(row.created_at),
    /** An erased record is a tombstone: identifying values gone, enrolments and events kept. */
    erasure: row.erased_at ? { at: new Date(row.erased_at), ground: row.erasure_ground } : null,
    /** Stored values by attribute id, from the person row's copy of them (db/migrations/0036). */
    values: row.attribute_values,
  };
}

/** Data is recorded only at units in the capture scope that are open today. */
export async function ensureUnitTakesData(tx: Transaction, tenantId: string, unitId: string, allRecords: boolean): Promise<string> {
  const [row] = await tx.execute<{ name: string; in_capture: boolean; open: boolean }>(sql`
    select u.name, app_unit_in_capture(u.tenant_id, u.id) as in_capture, app_unit_accepts_data(u.tenant_id, u.id) as open
    from org_unit u where u.tenant_id = ${tenantId} and u.id = ${unitId}`);
  if (!row) throw new TRPCError({ code: "BAD_REQUEST", message: "That organisation unit does not exist." });
  if (!allRecords && !row.in_capture) {
    throw new TRPCError({ code: "FORBIDDEN", message: `${row.name} is outside your capture scope; you can record data only in your capture scope.` });
  }
  if (!row.open) throw new TRPCError({ code: "BAD_REQUEST", message: `${row.name} is closed (or not yet open) and takes no new data.` });
  return row.name;
}

/** Protected programs where the caller could break the glass on this person (the pair is hidden now). */
export async function breakGlassCandidates(tx: Transaction, tenantId: string, personId: string) {
  return tx.execute<{ program_id: string; program_name: string }>(sql`
    select p.id as program_id, p.name as program_name
    from program p
    where p.tenant_id = ${tenantId} and p.access_level = 'protected'
      and (app_break_glass_target(${personId}::uuid, p.id)).status = 'allowed'
      and not exists (select 1 from program_ownership o
                      where o.tenant_id = p.tenant_id and o.tracked_entity_id = ${personId} and o.program_id = p.id)
    order by p.name`);
}
