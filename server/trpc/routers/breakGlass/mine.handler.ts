import { sql } from "drizzle-orm";
import type { ProtectedContext } from "@/server/trpc/init";

/** The caller's active grants, for the countdowns (driven by the server's expires_at). */
export async function myGrantsHandler({ ctx }: { ctx: ProtectedContext }) {
  const rows = await ctx.db.execute<{ id: string; person_id: string; program_id: string; program_name: string; expires_at: Date | string }>(sql`
    select g.id, g.tracked_entity_id as person_id, g.program_id, p.name as program_name, g.expires_at
    from break_glass_grant g join program p on p.tenant_id = g.tenant_id and p.id = g.program_id
    where g.tenant_id = ${ctx.tenant.id} and g.user_id = ${ctx.session.userId}
      and g.ended_at is null and g.expires_at > statement_timestamp()
    order by g.expires_at`);
  return rows.map((r) => ({ id: r.id, personId: r.person_id, programId: r.program_id, programName: r.program_name, expiresAt: new Date(r.expires_at) }));
}
