import { randomUUID } from "node:crypto";
import type postgres from "postgres";
import { newRecordId } from "@/db/record-id";
import type { Context, Row } from "../cases";
import { generatorCpuMs, serverCpuMs, type CpuPerTx } from "../cpu";
import { pipelined } from "@/db/pipelined";
import { WRITERS } from "../fixtures";
import { percentiles } from "../measure";
import { startWalMeter, type WalPerTx } from "../wal";
import type { World } from "../world";

/**
 * Query 5: capture — register a person, enrol them and record their first visit, with the three
 * audit rows the app writes (record.registered, enrollment.created, event.created), in one
 * transaction per capture, in the order the handlers write them and sent together as they send
 * them. Each writer is a clerk at their own clinic. Measured at 1 and 16 concurrent writers for a
 * fixed time, and with 16 clerks of one hospital; the floor runs the same statements as the owner
 * (no policy checks; the audit chain trigger still seals every row at commit).
 */
type Capture = { programId: string; stageId: string; elementId: string; typeId: string; attributes: World["attributes"] & { sex: string; dob: string } };

export type Writer = { userId: string; unitId: string; name: string };
/** The writer personas of ../fixtures.ts: 16 clerks at 16 clinics, or 16 at one hospital. */
type WriterGroup = "writer" | "hospital-clerk";

/** The statements of one capture, as `tx` (a request transaction whose settings are already bound). */
export async function captureOnce(tx: postgres.TransactionSql, tenantId: string, meta: Capture, w: Writer): Promise<void> {
  const person = newRecordId();
  const enrollmentId = newRecordId();
  const today = new Date().toISOString().slice(0, 10);
  const audit = (action: string, programId: string | null, details: Record<string, unknown>) => tx`
      insert into audit_event (tenant_id, actor_user_id, actor_name, action, subject_type, subject_id, person_id, program_id, org_unit_id, request_id, user_agent, details)
      values (${tenantId}, ${w.userId}, ${w.name}, ${action}, 'trackedEntity', ${person}, ${person}, ${programId}, ${w.unitId}, ${randomUUID()}, 'bench', ${tx.json(details as postgres.JSONValue)})`;
  const a = meta.attributes;
  const eventId = newRecordId();
  const values: Record<string, string> = {
    [a.nationalId]: `BW${randomUUID().replaceAll("-", "").slice(0, 14)}`,
    [a.firstName]: "Aminata",
    [a.lastName]: "Kamara",
    [a.sex]: "Female",
    [a.dob]: today,
  };
  // Sent together and in order, without waiting for each answer, as the handlers send their
  // writes (db/pipelined.ts, inOrder): postgres.js sends a statement when execute() is called.
  // The person's row carries its copy of the values and ever_enrolled, as the handler inserts it.
  await pipelined([
    tx`insert into tracked_entity (tenant_id, id, tracked_entity_type_id, registration_unit_id, attribute_values, ever_enrolled, created_by)
             values (${tenantId}, ${person}, ${meta.typeId}, ${w.unitId}, ${tx.json(values)}, true, ${w.userId})`.execute(),
    tx`insert into program_ownership (tenant_id, tracked_entity_id, program_id, owner_unit_id)
             values (${tenantId}, ${person}, ${meta.programId}, ${w.unitId})`.execute(),
    tx`insert into ownership_change (tenant_id, tracked_entity_id, program_id, to_unit_id, changed_by)
             values (${tenantId}, ${person}, ${meta.programId}, ${w.unitId}, ${w.userId})`.execute(),
    tx`insert into tracked_entity_attribute_value ${tx(
      Object.entries(values).map(([attribute_id, value]) => ({ tenant_id: tenantId, tracked_entity_id: person, attribute_id, value })),
    )}`.execute(),
    audit("record.registered", null, { attributeIds: [a.nationalId, a.firstName, a.lastName, a.sex, a.dob] }).execute(),
    tx`insert into enrollment (tenant_id, id, tracked_entity_id, program_id, org_unit_id, enrolled_on, created_by)
             values (${tenantId}, ${enrollmentId}, ${person}, ${meta.programId}, ${w.unitId}, ${today}, ${w.userId})`.execute(),
    audit("enrollment.created", meta.programId, { enrollmentId }).execute(),
    tx`insert into event (tenant_id, id, enrollment_id, tracked_entity_id, program_id, stage_id, org_unit_id, occurred_on, values, created_by)
             values (${tenantId}, ${eventId}, ${enrollmentId}, ${person}, ${meta.programId}, ${meta.stageId}, ${w.unitId}, ${today},
                     ${tx.json({ [meta.elementId]: "3.1" })}, ${w.userId})`.execute(),
    audit("event.created", meta.programId, { eventId, enrollmentId, stageId: meta.stageId }).execute(),
  ]);
}

/** Writers and seconds of each capture measurement: one writer, then the issue's 16. */
export const LOADS = [
  [1, 4],
  [WRITERS, 8],
] as const;

export type Load = { txPerSec: number; latency: ReturnType<typeof percentiles>; failures: number; firstError?: string; cpuPerTx: CpuPerTx; walPerTx: WalPerTx | null };

/**
 * `writers` loops of `work` for `seconds`; throughput of committed transactions, their latency,
 * the CPU each cost the database (`server`, the local postmaster's pid; null when the server is
 * elsewhere) and the load generator — on two cores, what bounds the rate — and what each wrote
 * to the WAL (read through `owner`).
 */
export async function underLoad(
  writers: number,
  seconds: number,
  work: (writer: number) => Promise<void>,
  { server, owner }: Pick<Context, "server" | "owner">,
): Promise<Load> {
  const latencies: number[] = [];
  let failures = 0;
  let firstError: string | undefined;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  const databaseBefore = server === null ? null : serverCpuMs(server);
  const generatorBefore = generatorCpuMs();
  const walPerTx = await startWalMeter(owner);
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await work(writer);
          latencies.push(performance.now() - t);
        } catch (error) {
          failures++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const databaseAfter = server === null ? null : serverCpuMs(server);
  const perTx = (ms: number) => Number((ms / Math.max(1, latencies.length)).toFixed(2));
  const cpuPerTx = {
    database: databaseBefore !== null && databaseAfter !== null ? perTx(databaseAfter - databaseBefore) : null,
    generator: perTx(generatorCpuMs() - generatorBefore),
  };
  return { txPerSec: Math.round(latencies.length / elapsed), latency: percentiles(latencies), failures, firstError, cpuPerTx, walPerTx: await walPerTx(latencies.length) };
}

export async function loadCaptureMeta(owner: postgres.Sql, world: World): Promise<Capture> {
  const [row] = await owner<{ program_id: string; stage_id: string; element_id: string; sex: string; dob: string }[]>`
    select p.id as program_id, s.id as stage_id,
           (select d.id from data_element d where d.tenant_id = s.tenant_id and d.stage_id = s.id order by d.sort_order limit 1) as element_id,
           (select id from tracked_entity_attribute a where a.tenant_id = p.tenant_id and a.name = 'Sex') as sex,
           (select id from tracked_entity_attribute a where a.tenant_id = p.tenant_id and a.name = 'Date of birth') as dob
    from program p join program_stage s on s.tenant_id = p.tenant_id and s.program_id = p.id
    where p.tenant_id = ${world.tenantId} and p.name = 'Child vaccination' order by s.sort_order limit 1`;
  return { programId: row!.program_id, stageId: row!.stage_id, elementId: row!.element_id, typeId: world.attributes.personType, attributes: { ...world.attributes, sex: row!.sex, dob: row!.dob } };
}

export async function writersOf(owner: postgres.Sql, world: World, group: WriterGroup = "writer"): Promise<Writer[]> {
  const writers: Writer[] = [];
  for (let k = 0; k < WRITERS; k++) {
    const user = world.users[`${group}-${k}`]!;
    writers.push({ userId: user.userId, unitId: (await world.unit(user.capture[0]!)).id, name: `Writer ${k}` });
  }
  return writers;
}

/** SQL capture as the runtime role and as the owner, at 1 and 16 writers and by 16 clerks of one hospital (the chain is checked by verifyChain). */
export async function captureRows(ctx: Context): Promise<Row[]> {
  const meta = await loadCaptureMeta(ctx.owner, ctx.world);
  const capture = (tx: postgres.TransactionSql, w: Writer) => captureOnce(tx, ctx.world.tenantId, meta, w);
  return [
    ...(await appAndFloorLoads(ctx, "5 capture (SQL)", capture, { minTps: 500 })),
    // The same 16 writers' load at one busy unit: no target of its own, a check of the shared rows.
    ...(await appAndFloorLoads(ctx, "5 capture (SQL) at one hospital", capture, {
      group: "hospital-clerk",
      loads: [[WRITERS, 8]],
      note: "16 clerks of one hospital, whose keys to it lock one unit row",
    })),
  ];
}

/**
 * One form of capture at 1 writer and at 16 (LOADS), as the runtime role and then as the owner;
 * each capture is a transaction bound to its writer as a request is, then `capture`.
 */
export async function appAndFloorLoads(
  ctx: Context,
  title: string,
  capture: (tx: postgres.TransactionSql, w: Writer) => Promise<unknown>,
  options: { minTps?: number; note?: string; group?: WriterGroup; loads?: readonly (readonly [number, number])[] },
): Promise<Row[]> {
  const { world, runtime, owner } = ctx;
  const group = options.group ?? "writer";
  const writers = await writersOf(owner, world, group);
  const as = (sql: postgres.Sql) => (writer: number) =>
    sql.begin(async (tx) => {
      const w = writers[writer]!;
      await tx`select app_bind(${world.tenantId}::uuid, ${w.userId}::uuid)`;
      await capture(tx, w);
    }) as Promise<void>;
  const rows: Row[] = [];
  for (const [count, seconds] of options.loads ?? LOADS) {
    await underLoad(count, 1, as(runtime), ctx); // warm-up
    await settle(owner);
    const app = await underLoad(count, seconds, as(runtime), ctx);
    await settle(owner);
    const floor = await underLoad(count, seconds, as(owner), ctx);
    const who = group === "writer" ? "clinic clerks" : "hospital clerks";
    rows.push(loadRow(`${title}, ${count} writer${count > 1 ? "s" : ""}`, app, floor, count === WRITERS ? options.minTps : undefined, options.note, who));
  }
  return rows;
}

/**
 * Lets the database settle before a measured load, so that no load pays for the one before it:
 * waits (up to 30 s) for autovacuum workers busy with the rows earlier suites wrote, then
 * checkpoints. At M a one-writer load that ran straight after the HTTP suite's thousands of
 * audited reads once ran at half its floor's rate (p99 224 ms), while the loads after it did not.
 */
export async function settle(owner: postgres.Sql): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    const [row] = await owner<{ busy: number }[]>`select count(*)::int as busy from pg_stat_activity where backend_type = 'autovacuum worker'`;
    if (!row!.busy) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await owner`checkpoint`;
}

/** The target holds only if the chain that 16 concurrent writers appended to is intact afterwards. */
export async function verifyChain(ctx: Context, rows: Row[]): Promise<Row[]> {
  const started = performance.now();
  const [chain] = await ctx.owner<{ checked: number; broken_seq: number | null; problem: string | null }[]>`
    select checked::int, broken_seq::int, problem from audit_verify_chain(${ctx.world.tenantId})`;
  const verdict = chain!.problem
    ? `audit chain BROKEN at ${chain!.broken_seq}: ${chain!.problem}`
    : `audit chain intact (${chain!.checked} events verified in ${Math.round(performance.now() - started)} ms)`;
  for (const row of rows) row.notes.push(verdict);
  for (const row of rows.filter((r) => r.target)) if (chain!.problem) row.met = false;
  return rows;
}

const cpuNote = (label: string, cpu: CpuPerTx) =>
  `${label} CPU per capture: ${cpu.database === null ? "" : `PostgreSQL ${cpu.database} ms, `}this process ${cpu.generator} ms`;

const walNote = (label: string, wal: WalPerTx | null) =>
  wal ? `${label} WAL per capture: ${wal.records} records, ${wal.fullPageKb} kB of full-page images, ${wal.totalKb} kB in all` : undefined;

export function loadRow(query: string, app: Load, floor: Load | undefined, minTps: number | undefined, note?: string, who = "clinic clerks"): Row {
  const notes = [
    note,
    cpuNote("app", app.cpuPerTx),
    walNote("app", app.walPerTx),
    floor ? cpuNote("floor", floor.cpuPerTx) : undefined,
    floor ? walNote("floor", floor.walPerTx) : undefined,
    app.failures ? `${app.failures} failed: ${app.firstError}` : undefined,
    floor?.failures ? `floor: ${floor.failures} failed: ${floor.firstError}` : undefined,
  ].filter((n): n is string => !!n);
  return {
    query,
    who,
    app: { ...app.latency, txPerSec: app.txPerSec, cpuPerTx: app.cpuPerTx, walPerTx: app.walPerTx ?? undefined, violations: [] },
    floor: floor ? { ...floor.latency, txPerSec: floor.txPerSec, cpuPerTx: floor.cpuPerTx, walPerTx: floor.walPerTx ?? undefined, violations: [] } : undefined,
    ratio: floor ? Number((floor.txPerSec / Math.max(1, app.txPerSec)).toFixed(2)) : null,
    target: minTps ? `≥ ${minTps} audited tx/s` : undefined,
    met: minTps ? app.txPerSec >= minTps && app.failures === 0 : undefined,
    notes,
  };
}
