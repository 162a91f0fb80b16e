import { sql } from "drizzle-orm";
import { bigint, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantIsolation } from "./rls";
import { tenant } from "./tenant";
import { userAccount } from "./user";

/**
 * The audit trail: one append-only table, partitioned by month on `occurred_at` (the partitioning
 * is hand-written in migration 0019; drizzle-kit cannot express it), written in the same
 * transaction as what it records. The runtime role may only INSERT and SELECT; a trigger refuses
 * UPDATE, DELETE and TRUNCATE to everyone but the retention job. Each tenant's events form a hash
 * chain, kept beside them in `audit_seal`: while an event's transaction commits, a deferred
 * trigger numbers it, links it to the previous one and seals its canonical content there,
 * serialized per tenant on `audit_chain_head` (migrations 0030, 0046), so an event is written
 * once and never updated. The primary key carries the partition key, as PostgreSQL requires of
 * partitioned tables.
 */
export const auditEvent = pgTable(
  "audit_event",
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
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
    primaryKey({ columns: [t.tenantId, t.occurredAt, t.id] }),
    foreignKey({ columns: [t.tenantId, t.actorUserId], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    index().on(t.tenantId, t.occurredAt),
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
 * Each audit event's place in its tenant's chain: number `seq` (1, 2, … in commit order), the
 * previous seal's hash, and the hash of the event's canonical content with both
 * (audit_event_hash). Written once by the commit-time trigger, as the owner; the runtime roles may
 * only read it. No foreign keys: the trigger inserts each seal under the tenant's locked chain
 * head for the event it was fired by, and audit_verify_chain checks that every seal has its event
 * and every event its seal.
 */
export const auditSeal = pgTable(
  "audit_seal",
  {
    tenantId: uuid().notNull(),
    seq: bigint({ mode: "number" }).notNull(),
    eventOccurredAt: timestamp({ withTimezone: true }).notNull(),
    eventId: uuid().notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.seq] }), uniqueIndex("audit_seal_event").on(t.tenantId, t.eventId), tenantIsolation()],
);

/** The end of each tenant's audit chain; each commit that seals events locks this row, so a chain never forks. */
export const auditChainHead = pgTable(
  "audit_chain_head",
  {
    tenantId: uuid().primaryKey(),
    seq: bigint({ mode: "number" }).notNull().default(0),
    hash: text().notNull().default(""),
  },
  (t) => [foreignKey({ columns: [t.tenantId], foreignColumns: [tenant.id] }), tenantIsolation()],
);

/**
 * What each retention purge removed: the chain resumes after `throughSeq`, whose hash the first
 * remaining event links to, so verification still covers everything kept.
 */
export const auditPurge = pgTable(
  "audit_purge",
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    purgedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    olderThan: timestamp({ withTimezone: true }).notNull(),
    events: bigint({ mode: "number" }).notNull(),
    throughSeq: bigint({ mode: "number" }).notNull(),
    throughHash: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenant.id] }),
    index().on(t.tenantId, t.throughSeq),
    tenantIsolation(),
  ],
);
