import { and, eq, max, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { AUDIT_LANES, auditEvent, auditSeal } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { appRouter } from "@/server/trpc/root";
import { createTenantFixture } from "../fixtures/tenants";
import { EXPECTATIONS, type Scene } from "./audit-expectations";
import { testDatabases } from "./databases";

/**
 * Every procedure that reads or changes personal data is audited: each has an expectation in
 * audit-expectations.ts, and each audited one is called and its audit row looked for.
 */
const { owner, runtime } = testDatabases();
let scene: Scene;

beforeAll(async () => {
  scene = { f: await createTenantFixture(owner, "audit-coverage"), owner, runtime };
});

// tRPC 11 keeps a flat record of every procedure, keyed "router.procedure".
const procedures = Object.keys(appRouter._def.procedures);

describe("the audit expectations", () => {
  it("cover every procedure", () => {
    const missing = procedures.filter((path) => !Object.hasOwn(EXPECTATIONS, path));
    expect(
      missing,
      "Add these procedures to test/integration/audit-expectations.ts: why they touch no personal data, or the audit row they write and how to call them",
    ).toEqual([]);
  });

  it("name only procedures that exist", () => {
    const unknown = Object.keys(EXPECTATIONS).filter((path) => !procedures.includes(path));
    expect(unknown, "These entries of test/integration/audit-expectations.ts name no procedure: rename or remove them").toEqual([]);
  });
});

const audited = Object.entries(EXPECTATIONS).flatMap(([path, e]) => (e.personal === true ? [{ path, audit: e.audit, call: e.call }] : []));

describe("each procedure touching personal data", () => {
  // Each lane of the tenant's trail numbers its events, so "written by this call" is everything
  // after the last number each lane had before it: no clocks involved.
  const lastSeqs = async () => {
    const ends = await withTenant(owner, { tenantId: scene.f.id }, (tx) =>
      tx.select({ lane: auditSeal.lane, seq: max(auditSeal.seq) }).from(auditSeal).where(eq(auditSeal.tenantId, scene.f.id)).groupBy(auditSeal.lane),
    );
    return Array.from({ length: AUDIT_LANES }, (_, lane) => ends.find((end) => end.lane === lane)?.seq ?? 0);
  };

  it.each(audited)("$path writes $audit", async ({ audit, call }) => {
    const before = await lastSeqs();
    const { actor, ...about } = await call(scene);
    // The procedure has returned, so its transaction committed; the row must have committed with it.
    const rows = await withTenant(owner, { tenantId: scene.f.id }, (tx) =>
      tx
        .select({ subjectId: auditEvent.subjectId, personId: auditEvent.personId, outcome: auditEvent.outcome })
        .from(auditEvent)
        .innerJoin(auditSeal, and(eq(auditSeal.tenantId, auditEvent.tenantId), eq(auditSeal.eventId, auditEvent.id)))
        .where(and(eq(auditEvent.tenantId, scene.f.id), sql`${auditSeal.seq} > (${JSON.stringify(before)}::jsonb ->> ${auditSeal.lane}::int)::bigint`, eq(auditEvent.action, audit), eq(auditEvent.actorUserId, actor))),
    );
    expect(rows).toEqual([expect.objectContaining({ ...about, outcome: "success" })]);
  });
});
