import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { recordAudit } from "@/server/audit/record";
import { verifyChain } from "@/server/audit/verify-chain";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { plantRecord } from "../fixtures/records";
import { callerAs } from "./callers";
import { dbError, testDatabases } from "./databases";

/** The audit trail: sealed per tenant into hash chains (lanes) that concurrency cannot fork and tampering cannot hide. */
const { owner, runtime } = testDatabases();
let f: TenantFixture;

const verify = (tenantId: string) => withTenant(owner, { tenantId }, (tx) => verifyChain(tx, tenantId));
const asOwnerWithoutTriggers = (tenantId: string, statement: ReturnType<typeof sql>) =>
  withTenant(owner, { tenantId }, async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });

/** A tenant with a handful of audit events. */
async function tenantWithEvents(label: string): Promise<TenantFixture> {
  const t = await createTenantFixture(owner, label);
  await withTenant(runtime, { tenantId: t.id, userId: t.users.admin }, async (tx) => {
    for (let i = 0; i < 5; i++) await recordAudit(tx, { tenantId: t.id, actorUserId: t.users.admin, action: "test.event", details: { i } });
  });
  return t;
}

beforeAll(async () => {
  f = await createTenantFixture(owner, "chain");
});

/** A tenant's seals in chain order, lane by lane, with the event each seals. */
const seals = (tenantId: string) =>
  withTenant(owner, { tenantId }, (tx) =>
    tx.execute<{ id: string; lane: number; seq: number }>(
      sql`select event_id as id, lane::int, seq::int from audit_seal where tenant_id = ${tenantId} order by lane, seq`,
    ),
  );

describe("the audit hash chain", () => {
  it("stays unbroken with 16 concurrent writers", async () => {
    const t = await createTenantFixture(owner, "chain-16");
    await Promise.all(
      Array.from({ length: 16 }, (_, writer) =>
        (async () => {
          for (let i = 0; i < 10; i++) {
            await withTenant(runtime, { tenantId: t.id, userId: t.users.admin }, async (tx) => {
              await recordAudit(tx, { tenantId: t.id, actorUserId: t.users.admin, action: "test.concurrent", details: { writer, i } });
              await recordAudit(tx, { tenantId: t.id, actorUserId: t.users.admin, action: "test.concurrent", details: { writer, i, second: true } });
            });
          }
        })(),
      ),
    );
    const report = await verify(t.id);
    expect(report.broken).toBeNull();
    const [counts] = await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.execute<{ events: number; seals: number; distinct_places: number; lane_ends: number }>(
        sql`select (select count(*)::int from audit_event where tenant_id = ${t.id}) as events, count(*)::int as seals,
                   count(distinct (lane, seq))::int as distinct_places,
                   (select sum(seq)::int from audit_chain_head where tenant_id = ${t.id}) as lane_ends
            from audit_seal where tenant_id = ${t.id}`,
      ),
    );
    // Every lane numbered 1…n without gaps: the lanes' ends add up to the number of seals.
    expect(counts).toEqual({ events: report.checked, seals: report.checked, distinct_places: report.checked, lane_ends: report.checked });
    expect(report.checked).toBeGreaterThanOrEqual(320);
    // A transaction's two events follow each other in one lane.
    const [split] = await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.execute<{ n: number }>(sql`
        select count(*)::int as n from audit_event e join audit_seal s on s.tenant_id = e.tenant_id and s.event_id = e.id
        join audit_event e2 on e2.tenant_id = e.tenant_id and e2.action = 'test.concurrent'
          and e2.details->>'writer' = e.details->>'writer' and e2.details->>'i' = e.details->>'i' and e2.details ? 'second'
        join audit_seal s2 on s2.tenant_id = e2.tenant_id and s2.event_id = e2.id
        where e.tenant_id = ${t.id} and e.action = 'test.concurrent' and not e.details ? 'second'
          and (s2.lane <> s.lane or s2.seq <> s.seq + 1)`),
    );
    expect(split!.n).toBe(0);
  });

  it("reports exactly the row an owner edited behind the triggers' back", async () => {
    const t = await tenantWithEvents("chain-edit");
    expect((await verify(t.id)).broken).toBeNull();
    const victim = (await seals(t.id))[1]!;
    await asOwnerWithoutTriggers(t.id, sql`update audit_event set action = 'nothing.happened' where tenant_id = ${t.id} and id = ${victim.id}`);
    expect((await verify(t.id)).broken).toEqual({ lane: 0, seq: victim.seq, eventId: victim.id, problem: "its content does not match its hash" });
  });

  it("notices seals removed from the middle and from the end", async () => {
    const t = await tenantWithEvents("chain-gap");
    const rows = await seals(t.id);
    const last = rows.at(-1)!;
    await asOwnerWithoutTriggers(t.id, sql`delete from audit_seal where tenant_id = ${t.id} and seq = ${last.seq}`);
    expect((await verify(t.id)).broken).toMatchObject({ lane: 0, seq: last.seq, problem: `events ${last.seq} to ${last.seq} are missing from the end` });
    await asOwnerWithoutTriggers(t.id, sql`delete from audit_seal where tenant_id = ${t.id} and seq = ${rows[0]!.seq}`);
    expect((await verify(t.id)).broken).toMatchObject({ seq: rows[1]!.seq, problem: `events ${rows[0]!.seq} to ${rows[0]!.seq} are missing` });
  });

  it("notices a sealed event removed, and an event written without a seal", async () => {
    const removed = await tenantWithEvents("chain-removed");
    const victim = (await seals(removed.id))[2]!;
    await asOwnerWithoutTriggers(removed.id, sql`delete from audit_event where tenant_id = ${removed.id} and id = ${victim.id}`);
    expect(await verify(removed.id)).toEqual({ checked: victim.seq - 1, broken: { lane: 0, seq: victim.seq, eventId: victim.id, problem: "the event is missing" } });

    const unsealed = await tenantWithEvents("chain-unsealed");
    // With triggers off, the commit-time seal never runs: an event the chain does not cover.
    await asOwnerWithoutTriggers(unsealed.id, sql`insert into audit_event (tenant_id, action) values (${unsealed.id}, 'test.unsealed')`);
    const [smuggled] = await withTenant(owner, { tenantId: unsealed.id }, (tx) =>
      tx.execute<{ id: string }>(sql`select id from audit_event where tenant_id = ${unsealed.id} and action = 'test.unsealed'`),
    );
    const report = await verify(unsealed.id);
    expect(report.broken).toEqual({ lane: null, seq: null, eventId: smuggled!.id, problem: `1 of ${report.checked + 1} events are not sealed into the chain` });
  });

  it("seals events as their transaction commits, in commit order, without making other writers wait", async () => {
    const t = await createTenantFixture(owner, "chain-commit");
    const write = (tx: Transaction, label: string) =>
      recordAudit(tx, { tenantId: t.id, actorUserId: t.users.admin, action: "test.commit-order", details: { label } });
    const own = (tx: Transaction) =>
      tx.execute<{ label: string; seq: number | null }>(sql`
        select e.details->>'label' as label, s.seq::int from audit_event e
        left join audit_seal s on s.tenant_id = e.tenant_id and s.event_id = e.id
        where e.tenant_id = ${t.id} and e.action = 'test.commit-order' order by s.seq`);
    let inside: unknown;
    await withTenant(runtime, { tenantId: t.id, userId: t.users.admin }, async (first) => {
      await write(first, "first");
      // A second writer appends and commits while the first is still open: it must not queue
      // behind the first's chain lock (there is none until commit).
      await withTenant(runtime, { tenantId: t.id, userId: t.users.admin }, async (second) => {
        await second.execute(sql`set local lock_timeout = '2s'`);
        await write(second, "second");
      });
      inside = await own(first);
    });
    expect(inside).toEqual([expect.objectContaining({ label: "second" }), { label: "first", seq: null }]);
    const sealed = (await withTenant(owner, { tenantId: t.id }, own)) as { label: string; seq: number }[];
    expect(sealed.map((e) => e.label)).toEqual(["second", "first"]);
    expect(sealed[1]!.seq).toBe(sealed[0]!.seq + 1);
    expect((await verify(t.id)).broken).toBeNull();
  });

  it("seals a commit into a free lane while another commit holds the first, without waiting, and checks every lane", async () => {
    const t = await tenantWithEvents("chain-lanes");
    const write = (tx: Transaction, n: number) => recordAudit(tx, { tenantId: t.id, actorUserId: t.users.admin, action: "test.lane", details: { n } });
    // A commit caught sealing in lane 0: the owner holds lane 0's head as the sealing trigger would.
    await withTenant(owner, { tenantId: t.id }, async (holder) => {
      await holder.execute(sql`select 1 from audit_chain_head where tenant_id = ${t.id} and lane = 0 for update`);
      await withTenant(runtime, { tenantId: t.id, userId: t.users.admin }, async (tx) => {
        await tx.execute(sql`set local lock_timeout = '2s'`);
        await write(tx, 1);
        await write(tx, 2);
      });
    });
    const rows = await seals(t.id);
    expect(rows.filter((s) => s.lane !== 0).map((s) => [s.lane, s.seq])).toEqual([[1, 1], [1, 2]]);
    expect(await verify(t.id)).toEqual({ checked: rows.length, broken: null });

    // The end of lane 1 removed: lane 0 is whole, lane 1 is not.
    await asOwnerWithoutTriggers(t.id, sql`delete from audit_seal where tenant_id = ${t.id} and lane = 1 and seq = 2`);
    expect(await verify(t.id)).toEqual({ checked: rows.length - 1, broken: { lane: 1, seq: 2, eventId: null, problem: "events 2 to 2 are missing from the end" } });
  });

  it("reports an event edited in any lane, with its lane", async () => {
    const t = await createTenantFixture(owner, "chain-lane-edit");
    await withTenant(owner, { tenantId: t.id }, async (holder) => {
      await holder.execute(sql`insert into audit_chain_head (tenant_id, lane) select ${t.id}, l from generate_series(0, 7) l on conflict do nothing`);
      await holder.execute(sql`select 1 from audit_chain_head where tenant_id = ${t.id} and lane in (0, 1, 2) for update`);
      await withTenant(runtime, { tenantId: t.id, userId: t.users.admin }, (tx) =>
        recordAudit(tx, { tenantId: t.id, actorUserId: t.users.admin, action: "test.lane-edit", details: {} }),
      );
    });
    const victim = (await seals(t.id)).find((s) => s.lane !== 0);
    expect(victim).toMatchObject({ lane: 3, seq: 1 });
    await asOwnerWithoutTriggers(t.id, sql`update audit_event set reason = 'rewritten' where tenant_id = ${t.id} and id = ${victim!.id}`);
    expect((await verify(t.id)).broken).toEqual({ lane: 3, seq: 1, eventId: victim!.id, problem: "its content does not match its hash" });
  });

  it("treats the lane a caller names as a hint only: it can neither fork a lane nor fail a commit", async () => {
    const t = await createTenantFixture(owner, "chain-lane-hint");
    const writeNaming = (lane: string) =>
      withTenant(runtime, { tenantId: t.id, userId: t.users.admin }, async (tx) => {
        await tx.execute(sql`select set_config('canopy.audit_lane', ${lane}, true)`);
        await recordAudit(tx, { tenantId: t.id, actorUserId: t.users.admin, action: "test.hint", details: { lane } });
        await recordAudit(tx, { tenantId: t.id, actorUserId: t.users.admin, action: "test.hint", details: { lane, second: true } });
      });
    await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.execute(sql`insert into audit_chain_head (tenant_id, lane) select ${t.id}, l from generate_series(0, 7) l on conflict do nothing`),
    );
    const before = await seals(t.id);
    for (const lane of ["not a lane", "9", "-1", "0; drop table audit_seal", "3", "3"]) await writeNaming(lane);
    const rows = await seals(t.id);
    const added = rows.filter((s) => !before.some((b) => b.id === s.id));
    // Nonsense falls back to the first free lane; a lane that exists is simply taken (and would
    // only have been waited for, had another commit held it).
    const lane0 = before.filter((s) => s.lane === 0).length;
    const lane3 = before.filter((s) => s.lane === 3).length;
    expect(added.map((s) => [s.lane, s.seq])).toEqual([
      ...Array.from({ length: 8 }, (_, i) => [0, lane0 + i + 1]),
      ...Array.from({ length: 4 }, (_, i) => [3, lane3 + i + 1]),
    ]);
    expect(await verify(t.id)).toEqual({ checked: rows.length, broken: null });
    const asRuntime = (statement: ReturnType<typeof sql>) => withTenant(runtime, { tenantId: t.id, userId: t.users.admin }, (tx) => tx.execute(statement));
    expect(await dbError(asRuntime(sql`update audit_chain_head set seq = 0, hash = '' where tenant_id = ${t.id}`))).toMatch(/permission denied/);
    expect(await dbError(asRuntime(sql`insert into audit_chain_head (tenant_id, lane) values (${t.id}, 7)`))).toMatch(/permission denied/);
  });

  it("lets no writer seal an event itself, and leaves no gap for a rollback", async () => {
    const t = await createTenantFixture(owner, "chain-forged");
    const asRuntime = (work: (tx: Transaction) => Promise<unknown>) => withTenant(runtime, { tenantId: t.id, userId: t.users.admin }, work);
    const head = async () =>
      (await withTenant(owner, { tenantId: t.id }, (tx) => tx.execute<{ seq: number }>(sql`select coalesce(max(seq), 0)::int as seq from audit_seal where tenant_id = ${t.id} and lane = 0`)))[0]!.seq;
    const before = await head();
    const forged = (tx: Transaction) =>
      tx.execute(sql`insert into audit_seal (tenant_id, seq, event_occurred_at, event_id, prev_hash, hash)
                     values (${t.id}, 1000000, now(), gen_random_uuid(), 'forged', 'forged')`);
    expect(await dbError(asRuntime(forged))).toMatch(/permission denied/);
    await expect(
      asRuntime(async (tx) => {
        await recordAudit(tx, { tenantId: t.id, actorUserId: t.users.admin, action: "test.rolled-back", details: {} });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await asRuntime((tx) => recordAudit(tx, { tenantId: t.id, actorUserId: t.users.admin, action: "test.kept", details: {} }));
    const [event] = await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.execute<{ lane: number; seq: number; hash: string; head: number }>(
        sql`select s.lane::int, s.seq::int, s.hash, (select seq::int from audit_chain_head h where h.tenant_id = ${t.id} and h.lane = s.lane) as head
            from audit_event e join audit_seal s on s.tenant_id = e.tenant_id and s.event_id = e.id
            where e.tenant_id = ${t.id} and e.action = 'test.kept'`,
      ),
    );
    // Sealed alone, it takes the first lane, right after that lane's last seal.
    expect(event!.lane).toBe(0);
    expect(event!.seq).toBe(before + 1);
    expect(event!.seq).toBe(event!.head);
    expect(event!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verify(t.id)).broken).toBeNull();
  });

  it("hashes the documented text of each event, so events sealed under any migration still verify", async () => {
    const t = await tenantWithEvents("chain-format");
    await withTenant(runtime, { tenantId: t.id, userId: t.users.admin }, (tx) =>
      recordAudit(tx, { tenantId: t.id, actorUserId: t.users.admin, action: "test.format", reason: "Clinic audit, café visit", ip: "10.0.0.7",
        userAgent: "Canopy test", details: { nested: { b: 1, a: [true, null] } }, changes: { before: { status: "active" }, after: { status: "closed" } } }),
    );
    const events = await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.execute<Record<string, string | null>>(sql`
        select e.tenant_id::text, s.seq::text, e.id::text, (extract(epoch from e.occurred_at) * 1000000)::bigint::text as micros,
               e.actor_user_id::text, e.actor_name, e.api_client_id::text, e.action, e.subject_type, e.subject_id, e.person_id::text,
               e.program_id::text, e.org_unit_id::text, e.reason, e.request_id, e.outcome, e.ip, e.user_agent, e.details::text,
               e.changes::text, s.prev_hash, s.hash
        from audit_event e join audit_seal s on s.tenant_id = e.tenant_id and s.event_id = e.id
        where e.tenant_id = ${t.id} order by s.seq`),
    );
    expect(events.filter((e) => e.action === "test.event" || e.action === "test.format")).toHaveLength(6);
    for (const e of events) {
      const micros = BigInt(e.micros!);
      const at = new Date(Number(micros / 1000n)).toISOString().slice(0, 19) + "." + String(micros % 1000000n).padStart(6, "0") + "Z";
      const fields = [e.tenant_id, e.seq, e.id, at, e.actor_user_id, e.actor_name, e.api_client_id, e.action, e.subject_type, e.subject_id, e.person_id,
        e.program_id, e.org_unit_id, e.reason, e.request_id, e.outcome, e.ip, e.user_agent, e.details, e.changes, e.prev_hash];
      const text = fields.map((value) => value ?? "").join("\u001f");
      expect(e.hash).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }
  });

  it("lets no one change a seal, nor an event before or after it is sealed", async () => {
    const t = await tenantWithEvents("chain-reseal");
    const asOwner = (work: (tx: Transaction) => Promise<unknown>) => withTenant(owner, { tenantId: t.id }, work);
    expect(await dbError(asOwner((tx) => tx.execute(sql`update audit_seal set seq = seq + 100 where tenant_id = ${t.id}`)))).toMatch(/append-only/);
    expect(await dbError(asOwner((tx) => tx.execute(sql`delete from audit_seal where tenant_id = ${t.id}`)))).toMatch(/append-only/);
    expect(await dbError(asOwner((tx) => tx.execute(sql`truncate audit_seal`)))).toMatch(/append-only/);
    expect(
      await dbError(
        asOwner(async (tx) => {
          await recordAudit(tx, { tenantId: t.id, action: "test.pending", details: {} });
          await tx.execute(sql`update audit_event set action = 'nothing.happened' where tenant_id = ${t.id} and action = 'test.pending'`);
        }),
      ),
    ).toMatch(/append-only/);
    expect((await verify(t.id)).broken).toBeNull();
  });

  it("is append-only: the runtime role cannot change it, and the owner only through the retention job's switch", async () => {
    const asRuntime = (statement: ReturnType<typeof sql>) => withTenant(runtime, { tenantId: f.id, userId: f.users.admin }, (tx) => tx.execute(statement));
    expect(await dbError(asRuntime(sql`update audit_event set action = 'x'`))).toMatch(/permission denied/);
    expect(await dbError(asRuntime(sql`delete from audit_event`))).toMatch(/permission denied/);
    expect(await dbError(asRuntime(sql`truncate audit_event`))).toMatch(/permission denied/);
    expect(await dbError(asRuntime(sql`update audit_seal set hash = 'x'`))).toMatch(/permission denied/);
    expect(await dbError(asRuntime(sql`delete from audit_seal`))).toMatch(/permission denied/);
    expect(await dbError(asRuntime(sql`truncate audit_seal`))).toMatch(/permission denied/);
    expect(await dbError(withTenant(owner, { tenantId: f.id }, (tx) => tx.execute(sql`delete from audit_event where tenant_id = ${f.id}`)))).toMatch(/append-only/);
    expect(await dbError(withTenant(owner, { tenantId: f.id }, (tx) => tx.execute(sql`update audit_event set action = 'x' where tenant_id = ${f.id}`)))).toMatch(/append-only/);
  });
});

describe("what enters the trail", () => {
  it("redacts secrets centrally, at any depth, whatever the caller passed", async () => {
    await withTenant(runtime, { tenantId: f.id, userId: f.users.admin }, (tx) =>
      recordAudit(tx as unknown as Parameters<typeof recordAudit>[0], {
        tenantId: f.id,
        action: "test.redaction",
        details: { password: "hunter2-secret", nested: { totpSecret: "JBSWY3DPEHPK3PXP", sessionToken: "abc", kept: "visible" }, list: [{ newPassword: "x" }] },
      }),
    );
    const [row] = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ details: unknown }>(sql`select details from audit_event where tenant_id = ${f.id} and action = 'test.redaction'`),
    );
    expect(row!.details).toEqual({ password: "[redacted]", nested: { totpSecret: "[redacted]", sessionToken: "[redacted]", kept: "visible" }, list: [{ newPassword: "[redacted]" }] });
  });

  it("records who, for whom and why in their own columns, with a diff that keeps identifying values out", async () => {
    const record = await withTenant(owner, { tenantId: f.id }, (tx) => plantRecord(tx, f.id, f.records, "open", f.units["north-a-1"]!));
    await callerAs(f, f.users.nurse!).record.updateAttributes({
      personId: record.personId,
      attributes: {
        [f.records.attributes.nationalId]: "NEW-ID-77",
        [f.records.attributes.firstName]: "Renamed",
        [f.records.attributes.lastName]: "Person open",
      },
    });
    const [row] = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ actor_name: string; person_id: string; request_id: string; changes: unknown }>(
        sql`select actor_name, person_id, request_id, changes from audit_event where tenant_id = ${f.id} and action = 'record.updated' and person_id = ${record.personId}`,
      ),
    );
    expect(row).toMatchObject({ actor_name: "Caller", person_id: record.personId, request_id: "test" });
    expect(row!.changes).toEqual({
      before: { "National ID": "[identifying value changed]", "First name": "Test" },
      after: { "National ID": "[identifying value changed]", "First name": "Renamed" },
    });
    expect(JSON.stringify(row)).not.toContain("NEW-ID-77");
  });

  it("fails the action when its audit row cannot be written, leaving nothing behind", async () => {
    const t = await createTenantFixture(owner, "chain-fail");
    // A fault injected for this tenant only: its audit inserts are refused.
    await owner.execute(sql.raw(`
      create function test_refuse_audit_${t.id.replaceAll("-", "")}() returns trigger language plpgsql as $$
      begin if new.tenant_id = '${t.id}' then raise exception 'audit store unavailable'; end if; return new; end $$;
      create trigger test_refuse_audit_${t.id.replaceAll("-", "")} before insert on audit_event
        for each row execute function test_refuse_audit_${t.id.replaceAll("-", "")}();`));
    try {
      const attempt = callerAs(t, t.users.nurse!).record.register({
        trackedEntityTypeId: t.records.typeId,
        orgUnitId: t.units["north-a-1"]!,
        attributes: { [t.records.attributes.firstName]: "Unaudited", [t.records.attributes.lastName]: "Person" },
      });
      await expect(attempt).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    } finally {
      await owner.execute(sql.raw(`drop trigger test_refuse_audit_${t.id.replaceAll("-", "")} on audit_event;
        drop function test_refuse_audit_${t.id.replaceAll("-", "")}();`));
    }
    const [people] = await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from tracked_entity t join tracked_entity_attribute_value v on v.tenant_id = t.tenant_id and v.tracked_entity_id = t.id where t.tenant_id = ${t.id} and v.value = 'Unaudited'`),
    );
    expect(people!.n).toBe(0);
  });

  it("keeps identifying values in diffs once the tenant allows it, and the switch is audited", async () => {
    const t = await createTenantFixture(owner, "chain-identifying");
    await expect(callerAs(t, t.users.nurse!).tenantSettings.updateAudit({ identifyingInDiffs: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await callerAs(t, t.users.admin!).tenantSettings.updateAudit({ identifyingInDiffs: true });
    expect(await callerAs(t, t.users.admin!).tenantSettings.audit()).toEqual({ identifyingInDiffs: true });
    const record = await withTenant(owner, { tenantId: t.id }, (tx) => plantRecord(tx, t.id, t.records, "open", t.units["north-a-1"]!));
    await callerAs(t, t.users.nurse!).record.updateAttributes({
      personId: record.personId,
      attributes: { [t.records.attributes.nationalId]: "ALLOWED-ID-1", [t.records.attributes.firstName]: "Test", [t.records.attributes.lastName]: "Person open" },
    });
    const rows = await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.execute<{ action: string; changes: { after: Record<string, unknown> } }>(
        sql`select e.action, e.changes from audit_event e join audit_seal s on s.tenant_id = e.tenant_id and s.event_id = e.id
            where e.tenant_id = ${t.id} and e.action in ('record.updated', 'tenant_settings.audit_changed') order by s.seq`,
      ),
    );
    expect(rows.map((r) => r.action)).toEqual(["tenant_settings.audit_changed", "record.updated"]);
    expect(rows[1]!.changes.after).toEqual({ "National ID": "ALLOWED-ID-1" });
  });

  it("lets every tenant's chain verify after the whole fixture's activity", async () => {
    expect((await verify(f.id)).broken).toBeNull();
  });
});

