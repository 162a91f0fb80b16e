import { sql } from "drizzle-orm";
import { notFound } from "@/server/records/access";
import type { ProtectedContext } from "@/server/trpc/init";
import { auditRecord } from "../record/audit-record";
import type { GrantIdInput } from "./breakGlass.schema";

/** Ends one of the caller's own active grants early; the record is hidden again at once. */
export async function endGrantHandler({ ctx, input }: { ctx: ProtectedContext; input: GrantIdInput }) {
  const [ended] = await ctx.db.execute<{ tracked_entity_id: string; program_id: string }>(sql`
    update break_glass_grant set ended_at = now()
    where tenant_id = ${ctx.tenant.id} and id = ${input.grantId} and user_id = ${ctx.session.userId}
      and ended_at is null and expires_at > statement_timestamp()
    returning tracked_entity_id, program_id`);
  if (!ended) throw notFound();
  await auditRecord(ctx, "breakGlass.ended", ended.tracked_entity_id, { grantId: input.grantId }, { programId: ended.program_id });
  return { ended: true };
}
