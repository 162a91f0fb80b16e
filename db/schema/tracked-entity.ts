import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  foreignKey,
  index,
  jsonb,
  pgEnum,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orgUnit } from "./org-unit";
import { LOCAL_RUNTIME_ROLE, RUNTIME_ROLE, RUNTIME_ROLES, SCOPED_READ_ROLES, WIDE_RUNTIME_ROLE } from "./runtime-roles";
import { tenantIsolation, tenantKey, textC, timestamps } from "./rls";
import { userAccount } from "./user";

/**
 * Records: people, their attribute values, who owns each (person, program), enrolments and
 * events. Besides tenant isolation, every table carries RESTRICTIVE scope policies for the
 * runtime role that implement DESIGN.md §2. People and ownerships are judged by their unit's place
 * in the tree, looked up in org_unit when a row is checked, so moving a subtree rewrites only
 * org_unit. The helpers are STABLE and read the request's binding (db/migrations/0024).
 * The owner role (migrations, jobs) is bound by tenant isolation only.
 */

const allRecords = sql`(select app_has_permission('accessAllRecords:trackedEntity'))`;
/** The all-records permission or a capture scope over the whole tree, read from the binding by one call. */
export const readsAllRecords = sql`(select app_reads_all_records())`;

/**
 * The units of the caller's capture or effective search scope, for tables too large to check row
 * by row (enrolments, events): an uncorrelated subquery PostgreSQL runs once per statement into a
 * hash table, so each row costs one probe, and moving a subtree rewrites none of these rows.
 * The set comes from app_scope_unit_ids, which reads each scope root as a range of
 * org_unit.path_key from its B-tree with leakproof text comparisons (under RLS, `path <@ root` is
 * not leakproof, so no index could serve it). A scope that covers the whole tree skips the set.
 */
const captureUnits = sql`(select app_scope_unit_ids('capture'))`;
const searchUnits = sql`(select app_scope_unit_ids('search'))`;
const captureIsWholeTree = sql`(select app_scope_covers_tree('capture'))`;
/** Without search roots the effective search scope is the capture scope: nothing more to check. */
const hasSearchRoots = sql`(select app_has_search_roots())`;
const searchIsWholeTree = sql`(select app_scope_covers_tree('search'))`;

/**
 * A record table's read rule on the wide runtime role, which serves only callers who read every
 * record (db/migrations/0040, 0041): the one rule that decides for them on the scoped role, with
 * none of the scope checks PostgreSQL would otherwise set up on every execution.
 */
export const wholeTreeRead = (prefix: string) =>
  pgPolicy(`${prefix}_whole_tree_read`, { as: "restrictive", for: "select", to: WIDE_RUNTIME_ROLE, using: readsAllRecords });

/**
 * The bound unit sets of a small scope (≤ 64 units each, db/migrations/0027, 0045), as arrays: the local
 * runtime role serves only callers who have both (db/migrations/0043), and for anyone else they
 * are NULL, which admits nothing.
 */
export const captureSet = sql`(select app_scope_unit_set('capture'))::uuid[]`;
const searchSet = sql`(select app_scope_unit_set('search'))::uuid[]`;

export const trackedEntity = pgTable(
  "tracked_entity",
  {
    ...tenantKey(),
    trackedEntityTypeId: uuid().notNull(),
    registrationUnitId: uuid().notNull(),
    // Set at the first enrolment (by a trigger, or at insert for a person registered with one, which
    // a check at commit proves: db/migrations/0050): from then on programs, not the registration
    // unit, decide.
    everEnrolled: boolean().notNull().default(false),
    // Erasure on request: identifying values are removed and the record is kept as a tombstone.
    erasedAt: timestamp({ withTimezone: true }),
    erasedBy: uuid(),
    erasureGround: text(),
    // The person's attribute values (attribute id → value), copied here by triggers on
    // tracked_entity_attribute_value (or filled at insert and proven at commit, db/migrations/0050),
    // which stays the source of truth for writes, search and
    // uniqueness. Opening a record or listing people reads them from this row, judged once by its
    // policy, instead of judging the person again for every value row (db/migrations/0036).
    attributeValues: jsonb().$type<Record<string, string>>().notNull().default({}),
    createdBy: uuid(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // The kind of record, like every reference to shared metadata from a record, is checked by a
    // trigger instead of a foreign key: metadata is never deleted, and a key would lock the one row
    // every writer of the tenant shares (db/migrations/0051).
    foreignKey({ columns: [t.tenantId, t.registrationUnitId], foreignColumns: [orgUnit.tenantId, orgUnit.id] }),
    foreignKey({ columns: [t.tenantId, t.createdBy], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    index().on(t.tenantId, t.registrationUnitId),
    tenantIsolation(),
    pgPolicy("tracked_entity_scope_read", {
      as: "restrictive",
      for: "select",
      to: RUNTIME_ROLE,
      // The all-records permission or a capture scope over the whole tree reads every record:
      // one initplan, read from the binding (db/migrations/0038).
      using: sql`${readsAllRecords}
        or (not ever_enrolled and app_unit_in_scope(tenant_id, registration_unit_id, 'search'))
        or exists (select 1 from program_ownership o
                   where o.tenant_id = tracked_entity.tenant_id and o.tracked_entity_id = tracked_entity.id)`,
    }),
    wholeTreeRead("tracked_entity"),
    // On the local role, the scoped rule with the unit sets in place of the lookups they decide.
    pgPolicy("tracked_entity_unit_set_read", {
      as: "restrictive",
      for: "select",
      to: LOCAL_RUNTIME_ROLE,
      using: sql`(not ever_enrolled and registration_unit_id = any (${searchSet}))
        or exists (select 1 from program_ownership o
                   where o.tenant_id = tracked_entity.tenant_id and o.tracked_entity_id = tracked_entity.id)`,
    }),
    pgPolicy("tracked_entity_scope_insert", {
      as: "restrictive",
      for: "insert",
      to: RUNTIME_ROLES,
      withCheck: sql`${allRecords} or (app_unit_in_capture(tenant_id, registration_unit_id) and app_unit_accepts_data(tenant_id, registration_unit_id))`,
    }),
    pgPolicy("tracked_entity_scope_update", {
      as: "restrictive",
      for: "update",
      to: RUNTIME_ROLES,
      using: sql`app_person_writable(tenant_id, id)`,
      withCheck: sql`app_person_writable(tenant_id, id)`,
    }),
  ],
);

/**
 * One attribute value of a person. `search_value` (normalized, byte-wise) serves exact and prefix
 * search with leakproof operators; `unique_value` is filled for unique attributes, so the unique
 * index holds across the whole tenant, whoever can see the other record. Both are set by a trigger.
 */
export const attributeValue = pgTable(
  "tracked_entity_attribute_value",
  {
    ...tenantKey(),
    trackedEntityId: uuid().notNull(),
    attributeId: uuid().notNull(),
    value: text().notNull(),
    searchValue: textC().notNull().default(""),
    uniqueValue: textC(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.trackedEntityId], foreignColumns: [trackedEntity.tenantId, trackedEntity.id] }).onDelete("cascade"),
    // The attribute is checked by attribute_value_normalize, not a foreign key (db/migrations/0051).
    uniqueIndex().on(t.tenantId, t.trackedEntityId, t.attributeId),
    uniqueIndex("attribute_value_unique_per_tenant").on(t.tenantId, t.attributeId, t.uniqueValue).where(sql`unique_value is not null`),
    // Ends with the person so that "order by value, person" is read in index order and a page
    // stops after its rows, instead of sorting every person who shares a common name.
    index("attribute_value_search").on(t.tenantId, t.attributeId, t.searchValue, t.trackedEntityId),
    tenantIsolation(),
    pgPolicy("attribute_value_scope_read", {
      as: "restrictive",
      for: "select",
      to: SCOPED_READ_ROLES,
      // The person is visible: the person row's own policy decides, the only copy of it here —
      // unless the caller reads every record, which is decided once per statement.
      using: sql`${allRecords} or ${captureIsWholeTree} or exists (select 1 from tracked_entity p
                   where p.tenant_id = tracked_entity_attribute_value.tenant_id
                     and p.id = tracked_entity_attribute_value.tracked_entity_id)`,
    }),
    wholeTreeRead("attribute_value"),
    pgPolicy("attribute_value_scope_insert", {
      as: "restrictive",
      for: "insert",
      to: RUNTIME_ROLES,
      withCheck: sql`app_person_writable(tenant_id, tracked_entity_id)`,
    }),
    pgPolicy("attribute_value_scope_update", {
      as: "restrictive",
      for: "update",
      to: RUNTIME_ROLES,
      using: sql`app_person_writable(tenant_id, tracked_entity_id)`,
      withCheck: sql`app_person_writable(tenant_id, tracked_entity_id)`,
    }),
    pgPolicy("attribute_value_scope_delete", {
      as: "restrictive",
      for: "delete",
      to: RUNTIME_ROLES,
      using: sql`app_person_writable(tenant_id, tracked_entity_id)`,
    }),
  ],
);

/**
 * Who owns a (person, program): the enrolling unit first, then whoever it was transferred to.
 * This table carries the access table of DESIGN.md §2 (its read policy and
 * app_owner_path_readable); enrolments, events and people defer to it.
 */
export const programOwnership = pgTable(
  "program_ownership",
  {
    ...tenantKey(),
    trackedEntityId: uuid().notNull(),
    programId: uuid().notNull(),
    ownerUnitId: uuid().notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.trackedEntityId], foreignColumns: [trackedEntity.tenantId, trackedEntity.id] }),
    // The program is checked by a trigger, not a foreign key (db/migrations/0051).
    foreignKey({ columns: [t.tenantId, t.ownerUnitId], foreignColumns: [orgUnit.tenantId, orgUnit.id] }),
    // A constraint, not just an index: enrolments, events and history reference it.
    unique("program_ownership_pair").on(t.tenantId, t.trackedEntityId, t.programId),
    index().on(t.tenantId, t.programId, t.ownerUnitId),
    tenantIsolation(),
    pgPolicy("program_ownership_scope_read", {
      as: "restrictive",
      for: "select",
      to: RUNTIME_ROLE,
      // A policy is copied into every statement that reaches an ownership, and the executor sets
      // up each copy on every execution, so its settings are read by a few PL/pgSQL initplans
      // (once per statement) and what is left per row is a comparison: the bound unit set of a
      // small scope, else the owner unit's path — looked up once, by index — under the capture
      // roots. Only a search scope reaching beyond capture calls a function per row.
      using: sql`(select app_reads_all_records())
        or owner_unit_id = any ((select app_scope_unit_set('capture'))::uuid[])
        or ((select app_owner_needs_path())
            and exists (select 1 from org_unit u
                        where u.tenant_id = program_ownership.tenant_id and u.id = program_ownership.owner_unit_id
                          and (u.path <@ any ((select app_scope_paths('capture'))::ltree[])
                               or ((select app_has_search_roots())
                                   and app_owner_path_readable(u.path, u.tenant_id, program_ownership.tracked_entity_id, program_ownership.program_id)))))`,
    }),
    wholeTreeRead("program_ownership"),
    // On the local role: in the capture set, or in the search set for a program readable in
    // search — what app_owner_path_readable decides from the roots the sets were built from.
    pgPolicy("program_ownership_unit_set_read", {
      as: "restrictive",
      for: "select",
      to: LOCAL_RUNTIME_ROLE,
      using: sql`owner_unit_id = any (${captureSet})
        or (owner_unit_id = any (${searchSet})
            and app_program_readable_in_search(tenant_id, tracked_entity_id, program_id))`,
    }),
    pgPolicy("program_ownership_scope_insert", {
      as: "restrictive",
      for: "insert",
      to: RUNTIME_ROLES,
      withCheck: sql`${allRecords} or (app_unit_in_capture(tenant_id, owner_unit_id) and app_unit_accepts_data(tenant_id, owner_unit_id))`,
    }),
    pgPolicy("program_ownership_scope_update", {
      as: "restrictive",
      for: "update",
      to: RUNTIME_ROLES,
      using: sql`app_pair_writable(tenant_id, tracked_entity_id, program_id)`,
      withCheck: sql`${allRecords} or app_unit_in_scope(tenant_id, owner_unit_id, 'search')`,
    }),
  ],
);

/** Ownership history: the first owner (from_unit null) and every transfer, with its reason. */
export const ownershipChange = pgTable(
  "ownership_change",
  {
    ...tenantKey(),
    trackedEntityId: uuid().notNull(),
    programId: uuid().notNull(),
    fromUnitId: uuid(),
    toUnitId: uuid().notNull(),
    reason: text(),
    changedBy: uuid(),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.trackedEntityId, t.programId], foreignColumns: [programOwnership.tenantId, programOwnership.trackedEntityId, programOwnership.programId] }),
    foreignKey({ columns: [t.tenantId, t.fromUnitId], foreignColumns: [orgUnit.tenantId, orgUnit.id] }),
    foreignKey({ columns: [t.tenantId, t.toUnitId], foreignColumns: [orgUnit.tenantId, orgUnit.id] }),
    foreignKey({ columns: [t.tenantId, t.changedBy], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    index().on(t.tenantId, t.trackedEntityId, t.programId, t.changedAt),
    tenantIsolation(),
    pgPolicy("ownership_change_scope_read", {
      as: "restrictive",
      for: "select",
      to: RUNTIME_ROLES,
      using: sql`exists (select 1 from program_ownership o
                         where o.tenant_id = ownership_change.tenant_id
                           and o.tracked_entity_id = ownership_change.tracked_entity_id
                           and o.program_id = ownership_change.program_id)`,
    }),
    pgPolicy("ownership_change_scope_insert", {
      as: "restrictive",
      for: "insert",
      to: RUNTIME_ROLES,
      withCheck: sql`changed_by = (select app_current_user_id())
        and (${allRecords}
             or (from_unit_id is null and app_unit_accepts_data(tenant_id, to_unit_id) and app_unit_in_capture(tenant_id, to_unit_id))
             or (from_unit_id is not null and app_pair_writable(tenant_id, tracked_entity_id, program_id)))`,
    }),
  ],
);

export const enrollmentStatus = pgEnum("enrollment_status", ["active", "completed", "cancelled"]);

/** A person's enrolment in a program, recorded at a unit; judged by the (person, program) owner. */
export const enrollment = pgTable(
  "enrollment",
  {
    ...tenantKey(),
    trackedEntityId: uuid().notNull(),
    programId: uuid().notNull(),
    orgUnitId: uuid().notNull(),
    // The pair's owner, copied by triggers on insert and on transfer, so reads judge the row itself;
    // whatever an insert sends is replaced (the placeholder default keeps it out of inserts).
    ownerUnitId: uuid().notNull().default(sql`null`),
    enrolledOn: date({ mode: "string" }).notNull(),
    status: enrollmentStatus().notNull().default("active"),
    completedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    createdBy: uuid(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.trackedEntityId, t.programId], foreignColumns: [programOwnership.tenantId, programOwnership.trackedEntityId, programOwnership.programId] }),
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnit.tenantId, orgUnit.id] }),
    foreignKey({ columns: [t.tenantId, t.createdBy], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    // The owner unit has no key of its own: it is the pair's owner, copied by triggers, and the
    // pair's key to the unit already keeps the unit from being deleted (db/migrations/0053).
    index().on(t.tenantId, t.trackedEntityId, t.programId),
    index().on(t.tenantId, t.programId, t.orgUnitId),
    // Counts and lists over a narrow scope go by owner unit.
    index().on(t.tenantId, t.ownerUnitId, t.programId),
    tenantIsolation(),
    ...eventLikePolicies("enrollment"),
  ],
);

/** Something that happened at a stage: when, where, and the values recorded. */
export const event = pgTable(
  "event",
  {
    ...tenantKey(),
    enrollmentId: uuid().notNull(),
    trackedEntityId: uuid().notNull(),
    programId: uuid().notNull(),
    stageId: uuid().notNull(),
    orgUnitId: uuid().notNull(),
    // The pair's owner, copied by triggers on insert and on transfer, so reads judge the row itself;
    // whatever an insert sends is replaced (the placeholder default keeps it out of inserts).
    ownerUnitId: uuid().notNull().default(sql`null`),
    occurredOn: date({ mode: "string" }).notNull(),
    values: jsonb().$type<Record<string, string>>().notNull().default({}),
    status: enrollmentStatus().notNull().default("active"),
    completedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    createdBy: uuid(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.enrollmentId], foreignColumns: [enrollment.tenantId, enrollment.id] }),
    foreignKey({ columns: [t.tenantId, t.trackedEntityId, t.programId], foreignColumns: [programOwnership.tenantId, programOwnership.trackedEntityId, programOwnership.programId] }),
    // The stage, which must be one of the event's program, is checked by a trigger (db/migrations/0051).
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnit.tenantId, orgUnit.id] }),
    foreignKey({ columns: [t.tenantId, t.createdBy], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    index().on(t.tenantId, t.enrollmentId, t.occurredOn),
    index().on(t.tenantId, t.trackedEntityId, t.programId),
    // The owner unit, a copy of the pair's, has no key of its own, as in enrollment (0053).
    index().on(t.tenantId, t.orgUnitId, t.occurredOn),
    // "Latest first" lists: wide scopes walk the newest events, narrow ones each owner unit's newest.
    // NULLS FIRST is what ORDER BY … DESC means; an index ordered otherwise does not serve it.
    index().on(t.tenantId, t.occurredOn.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index().on(t.tenantId, t.ownerUnitId, t.occurredOn.desc().nullsFirst(), t.id.desc().nullsFirst()),
    tenantIsolation(),
    ...eventLikePolicies("event"),
  ],
);

/**
 * Enrolments and events follow their (person, program) owner, which they carry: the rules of the
 * program_ownership read policy, applied to the row's owner unit. Creating one, or soft-deleting
 * it, also needs the record's own unit in the capture scope (and open).
 */
function eventLikePolicies(table: "enrollment" | "event") {
  const ownUnitInCapture = sql`${allRecords} or app_unit_in_capture(tenant_id, org_unit_id)`;
  // The caller's active grants as an uncorrelated set: hashed once, and (unlike a correlated
  // EXISTS) it leaves a large count free to run in parallel.
  const activeGrant = sql`(tracked_entity_id, program_id) in (select g.tracked_entity_id, g.program_id from break_glass_grant g
          where g.tenant_id = (select app_current_tenant_id()) and g.user_id = (select app_current_user_id())
            and g.ended_at is null and g.expires_at > statement_timestamp())`;
  const openProgram = sql`program_id = any((select app_program_ids('{open,audited}'))::uuid[])`;
  const protectedProgram = sql`program_id = any((select app_program_ids('{protected}'))::uuid[])`;
  const byUnitSets = sql`owner_unit_id in ${captureUnits}
        or (${hasSearchRoots} and ${openProgram} and (${searchIsWholeTree} or owner_unit_id in ${searchUnits}))
        or (${hasSearchRoots} and ${protectedProgram} and owner_unit_id in ${searchUnits} and ${activeGrant})`;
  // The same rules, with the row's owner unit looked up by index and its path put under the roots.
  // Enrolments, which the counts read, look it up through a function (app_unit_under): a
  // correlated subquery cannot run in a parallel worker, and in the policy it would keep every
  // count from running in parallel. Events, which lists walk newest first, look it up through a
  // subquery the executor keeps open from row to row (~2.5 µs a row at M, against ~6.5 µs for the
  // function's own query each call; db/migrations/0058): no request counts events in bulk.
  const ownerUnder = (kind: "capture" | "search") => {
    const roots = kind === "capture" ? sql`(select app_scope_paths('capture'))::ltree[]` : sql`(select app_scope_paths('search'))::ltree[]`;
    return table === "event"
      ? sql`(select u.path <@ any(${roots}) from org_unit u where u.tenant_id = event.tenant_id and u.id = event.owner_unit_id)`
      : sql`app_unit_under(owner_unit_id, ${roots})`;
  };
  const ownerUnderCapture = ownerUnder("capture");
  const ownerUnderSearch = ownerUnder("search");
  const byProbes = sql`${ownerUnderCapture}
        or (${hasSearchRoots} and ${openProgram} and (${searchIsWholeTree} or ${ownerUnderSearch}))
        or (${hasSearchRoots} and ${protectedProgram} and ${ownerUnderSearch} and ${activeGrant})`;
  // Two equivalent checks, chosen per statement by the caller's hint (app_probe_owner_units): a
  // count reads most rows and wants the unit sets, hashed once; a list that walks the newest rows
  // of a wide scope stops after a few hundred, and for it building a region's set of 10,000 units
  // costs more than looking up the owner of each row it passes. The hint only picks between
  // the two: no value of it lets a row through that the other would not.
  const ownerReadable = sql`${allRecords} or ${captureIsWholeTree}
        or (case when (select app_probe_owner_units()) then ${byProbes} else ${byUnitSets} end)`;
  return [
    pgPolicy(`${table}_scope_read`, {
      as: "restrictive",
      for: "select",
      to: SCOPED_READ_ROLES,
      using: ownerReadable,
    }),
    wholeTreeRead(table),
    pgPolicy(`${table}_scope_insert`, {
      as: "restrictive",
      for: "insert",
      to: RUNTIME_ROLES,
      withCheck: sql`app_pair_writable(tenant_id, tracked_entity_id, program_id)
        and (${ownUnitInCapture}) and (${allRecords} or app_unit_accepts_data(tenant_id, org_unit_id))`,
    }),
    pgPolicy(`${table}_scope_update`, {
      as: "restrictive",
      for: "update",
      to: RUNTIME_ROLES,
      using: sql`app_pair_writable(tenant_id, tracked_entity_id, program_id)`,
      withCheck: sql`app_pair_writable(tenant_id, tracked_entity_id, program_id) and (deleted_at is null or ${ownUnitInCapture})`,
    }),
  ];
}
