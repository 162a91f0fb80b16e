import { and, asc, eq, gt, ilike, or, sql } from "drizzle-orm";
import { userAccount } from "@/db/schema";
import { auditAction } from "@/server/trpc/audit";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { containsPattern } from "@/server/trpc/like-pattern";
import type { ListUsersInput } from "./list.schema";

/** One page of the tenant's users, ordered by email, with their role names. */
export async function listUsersHandler({ ctx, input }: { ctx: ProtectedContext; input: ListUsersInput }) {
  ensureCan(ctx, "read", "user");
  const pattern = input.search ? containsPattern(input.search) : null;
  const rows = await ctx.db
    .select({
      id: userAccount.id,
      email: userAccount.email,
      displayName: userAccount.displayName,
      status: userAccount.status,
      twoFactor: sql<boolean>`${userAccount.totpEnabledAt} is not null`,
      mustChangePassword: userAccount.passwordMustChange,
      roles: sql<string[]>`coalesce((
        select array_agg(r.name order by r.name) from user_role ur
        join role r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
        where ur.tenant_id = user_account.tenant_id and ur.user_id = user_account.id), '{}')`,
      roleIds: sql<string[]>`coalesce((select array_agg(ur.role_id) from user_role ur
        where ur.tenant_id = user_account.tenant_id and ur.user_id = user_account.id), '{}')`,
    })
    .from(userAccount)
    .where(
      and(
        eq(userAccount.tenantId, ctx.tenant.id),
        pattern ? or(ilike(userAccount.email, pattern), ilike(userAccount.displayName, pattern)) : undefined,
        input.status ? eq(userAccount.status, input.status) : undefined,
        input.cursor ? gt(userAccount.email, input.cursor) : undefined,
        input.orgUnitId
          ? sql`exists (select 1 from user_scope s join org_unit u on u.tenant_id = s.tenant_id and u.id = s.org_unit_id
              where s.tenant_id = user_account.tenant_id and s.user_id = user_account.id
                and u.path <@ (select o.path from org_unit o where o.tenant_id = user_account.tenant_id and o.id = ${input.orgUnitId}))`
          : undefined,
        input.roleKey
          ? sql`exists (select 1 from user_role ur join role r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
              where ur.tenant_id = user_account.tenant_id and ur.user_id = user_account.id and r.key = ${input.roleKey})`
          : undefined,
      ),
    )
    .orderBy(asc(userAccount.email))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  // Staff names and addresses were shown: say who looked, with which filters and how many came
  // back. The search text and the cursor (an address) may themselves name someone, so only their
  // presence is kept.
  await auditAction(ctx, {
    action: "user.listed",
    subjectType: "user",
    details: {
      filters: {
        search: Boolean(input.search),
        status: input.status ?? null,
        roleKey: input.roleKey ?? null,
        orgUnitId: input.orgUnitId ?? null,
        nextPage: Boolean(input.cursor),
      },
      resultCount: page.length,
    },
  });
  return { users: page, next: rows.length > input.limit ? page.at(-1)!.email : null };
}
