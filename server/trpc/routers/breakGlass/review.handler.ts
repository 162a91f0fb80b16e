import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterCursorRow, decodeTimeCursor, encodeTimeCursor } from "@/server/trpc/keyset";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditAction } from "@/server/trpc/audit";
import type { MarkReviewedInput, ReviewListInput } from "./breakGlass.schema";

const PAGE = 25;

type GrantRow = {
  id: string;
  created_at: Date | string;
  expires_at: Date | string;
  ended_at: Date | string | null;
  reviewed_at: Date | string | null;
  review_comment: string | null;
  reason: string;
  user_name: string;
  reviewer_name: string | null;
  program_name: string;
  owner_name: string;
  person_id: string;
  person_name: string | null;
};

/**
 * Grants on records owned in the supervisor's capture scope (RLS decides which), newest first:
 * who, whom, program, reason, when, and what was read under each. Their own grants are not theirs
 * to review.
 */
export async function reviewListHandler({ ctx, input }: { ctx: ProtectedContext; input: ReviewListInput }) {
  ensureCan(ctx, "reviewBreakGlass", "trackedEntity");
  const after = input.cursor ? decodeTimeCursor(input.cursor) : null;
  const rows = await ctx.db.execute<GrantRow>(sql`
    select g.id, g.created_at, g.expires_at, g.ended_at, g.reviewed_at, g.review_comment, g.reason,
           u.display_name as user_name, r.display_name as reviewer_name, p.name as program_name, o.name as owner_name,
           g.tracked_entity_id as person_id,
           (select string_agg(v.value, ' ' order by a.sort_order) from tracked_entity_attribute_value v
              join tracked_entity_attribute a on a.tenant_id = v.tenant_id and a.id = v.attribute_id
             where v.tenant_id = g.tenant_id and v.tracked_entity_id = g.tracked_entity_id
               and a.name in ('First name', 'Last name')) as person_name
    from break_glass_grant g
    join user_account u on u.tenant_id = g.tenant_id and u.id = g.user_id
    left join user_account r on r.tenant_id = g.tenant_id and r.id = g.reviewed_by
    join program p on p.tenant_id = g.tenant_id and p.id = g.program_id
    join org_unit o on o.tenant_id = g.tenant_id and o.id = g.owner_unit_id
    where g.tenant_id = ${ctx.tenant.id} and g.user_id <> ${ctx.session.userId}
      ${input.status === "pending" ? sql`and g.reviewed_at is null` : input.status === "reviewed" ? sql`and g.reviewed_at is not null` : sql``}
      ${after ? sql`and ${afterCursorRow("break_glass_grant", "g", "created_at", ctx.tenant.id, after)}` : sql``}
    order by g.created_at desc, g.id desc
    limit ${PAGE + 1}`);
  const page = rows.slice(0, PAGE);
  const reads = page.length
    ? await ctx.db.execute<{ grant_id: string; occurred_at: Date | string }>(sql`
        select gid as grant_id, a.occurred_at
        from audit_event a, jsonb_array_elements_text(a.details->'grantIds') gid
        where a.tenant_id = ${ctx.tenant.id} and a.action = 'record.read' and a.subject_type = 'trackedEntity'
          and a.subject_id = any(${sql`array[${sql.join(page.map((g) => sql`${g.person_id}`), sql`, `)}]`})
          and gid = any(${sql`array[${sql.join(page.map((g) => sql`${g.id}`), sql`, `)}]`})
        order by a.occurred_at`)
    : [];
  const items = page.map((g) => ({
    id: g.id,
    createdAt: new Date(g.created_at),
    expiresAt: new Date(g.expires_at),
    endedAt: g.ended_at ? new Date(g.ended_at) : null,
    reviewedAt: g.reviewed_at ? new Date(g.reviewed_at) : null,
    reviewComment: g.review_comment,
    reviewerName: g.reviewer_name,
    reason: g.reason,
    userName: g.user_name,
    programName: g.program_name,
    ownerName: g.owner_name,
    personId: g.person_id,
    personName: g.person_name,
    reads: reads.filter((r) => r.grant_id === g.id).map((r) => new Date(r.occurred_at)),
  }));
  await auditAction(ctx, { action: "breakGlass.reviewListed", subjectType: "breakGlassGrant", details: { status: input.status, rows: items.length } });
  const last = items.at(-1);
  return { items, nextCursor: rows.length > PAGE && last ? encodeTimeCursor({ at: last.createdAt, id: last.id }) : null };
}

/** Marks a grant reviewed, optionally with a comment. */
export async function markReviewedHandler({ ctx, input }: { ctx: ProtectedContext; input: MarkReviewedInput }) {
  ensureCan(ctx, "reviewBreakGlass", "trackedEntity");
  const [grant] = await ctx.db.execute<{ user_id: string; reviewed_at: Date | string | null }>(sql`
    select user_id, reviewed_at from break_glass_grant where tenant_id = ${ctx.tenant.id} and id = ${input.grantId}`);
  if (!grant) throw new TRPCError({ code: "NOT_FOUND", message: "Not found." });
  if (grant.user_id === ctx.session.userId) throw new TRPCError({ code: "BAD_REQUEST", message: "You cannot review your own grant." });
  if (grant.reviewed_at) throw new TRPCError({ code: "CONFLICT", message: "This grant is already reviewed." });
  await ctx.db.execute(sql`
    update break_glass_grant set reviewed_at = now(), reviewed_by = ${ctx.session.userId}, review_comment = ${input.comment || null}
    where tenant_id = ${ctx.tenant.id} and id = ${input.grantId}`);
  await auditAction(ctx, { action: "breakGlass.reviewed", subjectType: "breakGlassGrant", subjectId: input.grantId, details: { comment: Boolean(input.comment) } });
  return { reviewed: true };
}
