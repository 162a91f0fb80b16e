import { sql } from "drizzle-orm";
import { bigint, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantIsolation } from "./rls";
import { tenant } from "./tenant";
import { userAccount } from "./user";

/**
 * The audit trail: one append-only table, partitioned by month on `occurred_at` (the partitioning
 * is hand-written in migration 0019; drizzle-kit cannot express it), written in the same
 * transaction as what it records. The runtime role may only INSERT and SELECT; a trigger refuses
 * UPDATE, DELETE and TRUNCATE to everyone but the retention job. Each tenant's events form a hash
 * chain: events are inserted unsealed (`seq` 0), and while their transaction commits a deferred
 * trigger numbers each one (`seq`), links it to the previous one (`prev_hash`) and seals its
 * canonical content (`hash`), serialized per tenant on `audit_chain_head` (migration 0030).
 * The primary key carries the partition key, as PostgreSQL requires of partitioned tables.
 */
export const auditEvent = pgTable(
  "audit_event",
  {
    tenantId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    seq: bigint({ mode: "number" }).notNull().default(0),
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
    prevHash: text().notNull().default(""),
    hash: text().notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.occurredAt, t.id] }),
    foreignKey({ columns: [t.tenantId, t.actorUserId], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    index().on(t.tenantId, t.occurredAt),
    index("audit_chain_order").on(t.tenantId, t.seq),
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
