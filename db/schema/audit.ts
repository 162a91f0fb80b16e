import { sql } from "drizzle-orm";
import { bigint, check, foreignKey, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { recordId, tenantIsolation } from "./rls";
import { tenant } from "./tenant";
import { userAccount } from "./user";

/**
 * The audit trail: one append-only table, partitioned by month on `occurred_at` (the partitioning
 * is hand-written in migration 0019; drizzle-kit cannot express it), written in the same
 * transaction as what it records. The runtime role may only INSERT and SELECT; a trigger refuses
 * UPDATE, DELETE and TRUNCATE to everyone but the retention job. Each tenant's events form hash
 * chains, kept beside them in `audit_seal`: while an event's transaction commits, a deferred
 * trigger numbers it, links it to the previous one of its lane and seals its canonical content
 * there, serialized per lane on `audit_chain_head` (migrations 0030, 0046, 0047), so an event is
 * written once and never updated. The primary key carries the partition key, as PostgreSQL
 * requires of partitioned tables.
 */
export const auditEvent = pgTable(
  "audit_event",
  {
    tenantId: uuid().notNull(),
    id: recordId(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid(),
    actorName: text(),
    apiClientId: uuid(),
    action: text().notNull(),
    subjectType: text(),
    subjectId: text(),
    personId: uuid(),
    programId: uuid(),
    orgUnitId: uuid(),
    reason: text(),
    requestId: text(),
    outcome: text().notNull().default("success"),
    ip: text(),
    userAgent: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    changes: jsonb().$type<{ before: Record<string, unknown>; after: Record<string, unknown> }>(),
  },
  (t) => [
    // Also the index of the trail by time (the Audit page unfiltered, exports, retention).
    primaryKey({ columns: [t.tenantId, t.occurredAt, t.id] }),
    foreignKey({ columns: [t.tenantId, t.actorUserId], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    // One index per filter of the Audit page, each leading with the tenant and ending with time.
    index("audit_by_actor").on(t.tenantId, t.actorUserId, t.occurredAt),
    index("audit_by_action").on(t.tenantId, t.action, t.occurredAt),
    index("audit_subject").on(t.tenantId, t.subjectType, t.subjectId, t.occurredAt),
    index("audit_by_person").on(t.tenantId, t.personId, t.occurredAt).where(sql`person_id is not null`),
    index("audit_by_program").on(t.tenantId, t.programId, t.occurredAt).where(sql`program_id is not null`),
    index("audit_by_org_unit").on(t.tenantId, t.orgUnitId, t.occurredAt).where(sql`org_unit_id is not null`),
    // Sign-in history by email, address and user: lockout flags and the Security page read these.
    index("audit_sign_in_email").on(t.tenantId, sql`(details->>'email')`, t.occurredAt).where(sql`action = 'sign_in'`),
    index("audit_sign_in_ip").on(t.tenantId, t.ip, t.occurredAt).where(sql`action = 'sign_in'`),
    tenantIsolation(),
  ],
);

/**
 * The lanes of a tenant's audit trail: AUDIT_LANES independent hash chains (0…7). A committing
 * transaction seals all its events into one lane, the first that no other commit holds, so up to
 * eight commits seal at once and share their WAL flushes; one chain serialized every commit of a
 * tenant behind the one before it, flush included (migration 0047, whose functions name the same
 * eight lanes).
 */
export const AUDIT_LANES = 8;
const laneInRange = (name: string) => check(name, sql`lane between 0 and 7`);

/**
 * Each audit event's place in its tenant's chains: its lane, number `seq` in that lane (1, 2, …
 * in commit order), the previous seal's hash in the lane, and the hash of the event's canonical
 * content with both (audit_event_hash). Written once by the commit-time trigger, as the owner; the
 * runtime roles may only read it. No foreign keys: the trigger inserts each seal under its lane's
 * locked head for the event it was fired by, and audit_verify_chain checks that every seal has its
 * event and every event its seal.
 */
export const auditSeal = pgTable(
  "audit_seal",
  {
    tenantId: uuid().notNull(),
    lane: smallint().notNull().default(0),
    seq: bigint({ mode: "number" }).notNull(),
    eventOccurredAt: timestamp({ withTimezone: true }).notNull(),
    eventId: uuid().notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.lane, t.seq] }), uniqueIndex("audit_seal_event").on(t.tenantId, t.eventId), laneInRange("audit_seal_lane"), tenantIsolation()],
);

/** The end of each lane of a tenant's audit trail; a commit that seals events locks its lane's row, so a lane never forks. */
export const auditChainHead = pgTable(
  "audit_chain_head",
  {
    tenantId: uuid().notNull(),
    lane: smallint().notNull().default(0),
    seq: bigint({ mode: "number" }).notNull().default(0),
    hash: text().notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.lane] }),
    // No foreign key to the tenant: a transaction that seals several events updates its lane's
    // head once per event, and PostgreSQL re-checks a key on every update of a row version the
    // same transaction wrote, so each capture locked the tenant's row — one row for every writer
    // (db/migrations/0052). Only the sealing trigger writes heads, for an event's own tenant.
    laneInRange("audit_chain_head_lane"),
    tenantIsolation(),
  ],
);

/**
 * What each retention purge removed from one lane: the lane resumes after `throughSeq`, whose hash
 * the first remaining event links to, so verification still covers everything kept. A purge that
 * cut several lanes writes one row per lane, all with the same `purgedAt` (its transaction's start).
 */
export const auditPurge = pgTable(
  "audit_purge",
  {
    tenantId: uuid().notNull(),
    id: recordId(),
    purgedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    olderThan: timestamp({ withTimezone: true }).notNull(),
    events: bigint({ mode: "number" }).notNull(),
    lane: smallint().notNull().default(0),
    throughSeq: bigint({ mode: "number" }).notNull(),
    throughHash: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenant.id] }),
    index().on(t.tenantId, t.lane, t.throughSeq),
    laneInRange("audit_purge_lane"),
    tenantIsolation(),
  ],
);
