import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { orgUnit } from "@/db/schema";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { containsPattern } from "@/server/trpc/like-pattern";
import type { SearchInput } from "./search.schema";

/** Units whose name or code contains the query, each with its full path of names. */
export async function searchHandler({ ctx, input }: { ctx: ProtectedContext; input: SearchInput }) {
  ensureCan(ctx, "read", "orgUnit");
  const pattern = containsPattern(input.query);
  return ctx.db
    .select({
      id: orgUnit.id,
      name: orgUnit.name,
      code: orgUnit.code,
      level: orgUnit.level,
      pathNames: sql<string>`(select string_agg(a.name, ' › ' order by a.level) from org_unit a
        where a.tenant_id = org_unit.tenant_id and a.path @> org_unit.path)`,
    })
    .from(orgUnit)
    .where(and(eq(orgUnit.tenantId, ctx.tenant.id), or(ilike(orgUnit.name, pattern), ilike(orgUnit.code, pattern))))
    .orderBy(asc(orgUnit.level), asc(orgUnit.name))
    .limit(input.limit);
}
