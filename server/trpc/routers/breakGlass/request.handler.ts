import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { breakGlassGrant } from "@/db/schema";
import { notFound } from "@/server/records/access";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditRecord } from "../record/audit-record";
import type { RequestGrantInput } from "./breakGlass.schema";

/**
 * Breaks the glass on a protected (person, program) owned in the caller's search scope but not
 * their capture scope. The database checks the same rules again (insert policy and trigger) and
 * sets the owner and expiry itself. Any other case is refused without revealing a hidden record:
 * closed programs, owners outside the search scope and missing pairs are all "not found".
 */
export async function requestGrantHandler({ ctx, input }: { ctx: ProtectedContext; input: RequestGrantInput }) {
  ensureCan(ctx, "breakGlass", "trackedEntity");
  if (ctx.ability.can("accessAllRecords", "trackedEntity")) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Your role already gives you access to every record; there is no glass to break." });
  }
  const [target] = await ctx.db.execute<{ status: "allowed" | "has_access" | "not_protected" | "not_found" }>(
    sql`select status from app_break_glass_target(${input.personId}::uuid, ${input.programId}::uuid)`,
  );
  switch (target?.status) {
    case "allowed":
      break;
    case "has_access":
      throw new TRPCError({ code: "BAD_REQUEST", message: "You already have access to this record; open it directly." });
    case "not_protected":
      throw new TRPCError({ code: "BAD_REQUEST", message: "This program is not protected; open the record directly." });
    default:
      throw notFound();
  }
  const [active] = await ctx.db.execute<{ id: string; expires_at: Date | string }>(sql`
    select id, expires_at from break_glass_grant
    where tenant_id = ${ctx.tenant.id} and user_id = ${ctx.session.userId} and tracked_entity_id = ${input.personId}
      and program_id = ${input.programId} and ended_at is null and expires_at > statement_timestamp()
    order by expires_at desc limit 1`);
  if (active) return { grantId: active.id, expiresAt: new Date(active.expires_at), reused: true };

  const [grant] = await ctx.db
    .insert(breakGlassGrant)
    .values({
      tenantId: ctx.tenant.id,
      userId: ctx.session.userId,
      trackedEntityId: input.personId,
      programId: input.programId,
      // The trigger replaces the owner with the record's real one and the expiry with the program's duration.
      ownerUnitId: sql`(select (app_break_glass_target(${input.personId}::uuid, ${input.programId}::uuid)).owner_unit_id)`,
      reason: input.reason,
    })
    .returning({ id: breakGlassGrant.id, expiresAt: breakGlassGrant.expiresAt });
  await auditRecord(
    ctx,
    "breakGlass.granted",
    input.personId,
    { grantId: grant!.id, expiresAt: grant!.expiresAt.toISOString() },
    { programId: input.programId, reason: input.reason },
  );
  return { grantId: grant!.id, expiresAt: grant!.expiresAt, reused: false };
}
