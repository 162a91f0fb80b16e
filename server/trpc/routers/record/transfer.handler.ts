import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { ownershipChange } from "@/db/schema";
import { visiblePairs, writablePair } from "@/server/records/access";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditRecord } from "./audit-record";
import { ensureProgramRunsAt } from "./enrolment-rules";
import type { TransferInput } from "./record.schema";

/**
 * Moves a (person, program) to another owner: the caller needs the permission, write access to
 * the record now, and a target unit in their effective search scope where the program runs. The
 * history row is written first, while the caller still has access; afterwards they may lose it.
 */
export async function transferHandler({ ctx, input }: { ctx: ProtectedContext; input: TransferInput }) {
  ensureCan(ctx, "transferOwnership", "enrollment");
  const tenantId = ctx.tenant.id;
  const pair = await writablePair(ctx.db, tenantId, input.personId, input.programId);
  if (pair.ownerUnitId === input.toUnitId) throw new TRPCError({ code: "BAD_REQUEST", message: `${pair.ownerUnitName} already owns this record.` });
  const [target] = await ctx.db.execute<{ name: string; in_search: boolean; open: boolean }>(sql`
    select u.name, u.path <@ any((select app_scope_paths('search'))::ltree[]) as in_search, app_unit_accepts_data(u.tenant_id, u.id) as open
    from org_unit u where u.tenant_id = ${tenantId} and u.id = ${input.toUnitId}`);
  if (!target) throw new TRPCError({ code: "BAD_REQUEST", message: "That organisation unit does not exist." });
  if (!target.in_search && ctx.ability.cannot("accessAllRecords", "trackedEntity")) {
    throw new TRPCError({ code: "FORBIDDEN", message: `${target.name} is outside your search scope; you can transfer only within it.` });
  }
  if (!target.open) throw new TRPCError({ code: "BAD_REQUEST", message: `${target.name} is closed and cannot take records.` });
  await ensureProgramRunsAt(ctx, input.programId, input.toUnitId, target.name);

  await ctx.db.insert(ownershipChange).values({
    tenantId,
    trackedEntityId: input.personId,
    programId: input.programId,
    fromUnitId: pair.ownerUnitId,
    toUnitId: input.toUnitId,
    reason: input.reason,
    changedBy: ctx.session.userId,
  });
  // Through the database's reviewed function: an UPDATE under RLS may not hide its own row.
  const [moved] = await ctx.db.execute<{ ok: boolean }>(
    sql`select app_transfer_ownership(${input.personId}::uuid, ${input.programId}::uuid, ${input.toUnitId}::uuid) as ok`,
  );
  if (!moved?.ok) throw new TRPCError({ code: "FORBIDDEN", message: "This transfer is not allowed." });
  await auditRecord(
    ctx,
    "ownership.transferred",
    input.personId,
    {},
    { programId: input.programId, orgUnitId: input.toUnitId, reason: input.reason, changes: { before: { ownerUnitId: pair.ownerUnitId }, after: { ownerUnitId: input.toUnitId } } },
  );
  const stillVisible = (await visiblePairs(ctx.db, tenantId, input.personId, input.programId)).length > 0;
  return { ownerUnitName: target.name, stillVisible };
}
