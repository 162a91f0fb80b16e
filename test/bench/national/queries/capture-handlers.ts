import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { abilityFor } from "@/server/access/ability";
import type { ProtectedContext } from "@/server/trpc/init";
import { createEventHandler } from "@/server/trpc/routers/record/event.handler";
import { registerHandler } from "@/server/trpc/routers/record/register.handler";
import type { Context, Row } from "../cases";
import { percentiles } from "../measure";
import { LOADS, loadCaptureMeta, loadRow, settle, underLoad, writersOf, type Writer } from "./capture";

/**
 * Query 5 as the app really does it: two requests (register with the first enrolment, then record
 * the first visit), each its own transaction through the handlers themselves — with their
 * validation reads, the CASL ability built from the user's roles, and an audit row per record
 * written. What a capture costs minus HTTP. Reported in captures per second (two request
 * transactions each).
 */
export async function handlerCaptureRows(ctx: Context, db: Database): Promise<Row[]> {
  const { world, owner } = ctx;
  const meta = await loadCaptureMeta(owner, world);
  const writers = await writersOf(owner, world);
  const today = new Date().toISOString().slice(0, 10);
  const request = <T>(w: Writer, work: (ctx: ProtectedContext) => Promise<T>) =>
    withTenant(db, { tenantId: world.tenantId, userId: w.userId }, async (tx, bound) =>
      work({
        tenant: { id: world.tenantId, slug: "bench", name: "Bench" },
        session: { userId: w.userId, sessionId: randomUUID(), tenantId: world.tenantId, stage: "active", name: w.name, email: "writer@bench.test" },
        meta: { ip: "127.0.0.1", userAgent: "bench" },
        requestId: randomUUID(),
        db: tx,
        ability: abilityFor(bound.permissions),
        metadataVersion: bound.metadataVersion,
      } as ProtectedContext),
    );
  // Per-request latencies, to say which of the three costs what.
  const parts: Record<"register and enrol" | "event", number[]> = { "register and enrol": [], event: [] };
  const timed = async <T>(part: keyof typeof parts, work: () => Promise<T>) => {
    const start = performance.now();
    const result = await work();
    parts[part].push(performance.now() - start);
    return result;
  };
  const capture = async (writer: number) => {
    const w = writers[writer]!;
    const a = meta.attributes;
    const { enrollmentId } = await timed("register and enrol", () => request(w, (c) =>
      registerHandler({
        ctx: c,
        input: {
          trackedEntityTypeId: meta.typeId,
          orgUnitId: w.unitId,
          attributes: { [a.nationalId]: `BH${randomUUID().replaceAll("-", "").slice(0, 14)}`, [a.firstName]: "Fatmata", [a.lastName]: "Sesay", [a.sex]: "Female", [a.dob]: today },
          enrollment: { programId: meta.programId, enrolledOn: today },
        },
      }),
    ));
    await timed("event", () =>
      request(w, (c) => createEventHandler({ ctx: c, input: { enrollmentId: enrollmentId!, stageId: meta.stageId, orgUnitId: w.unitId, occurredOn: today, values: { [meta.elementId]: "3.1" } } })),
    );
  };
  const rows: Row[] = [];
  for (const [count, seconds] of LOADS) {
    await underLoad(count, 1, capture, ctx);
    await settle(owner);
    for (const list of Object.values(parts)) list.length = 0;
    const load = await underLoad(count, seconds, capture, ctx);
    const medians = Object.entries(parts).map(([part, list]) => `${part} p50 ${percentiles(list).p50} ms`).join(", ");
    rows.push(loadRow(`5 capture via the app's handlers, ${count} writer${count > 1 ? "s" : ""}`, load, undefined, undefined, `captures/s; each is 2 request transactions (${medians})`));
  }
  return rows;
}
