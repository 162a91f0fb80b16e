import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { orgUnit } from "@/db/schema";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import type { ChildrenInput } from "./children.schema";

/** One level of the tree, loaded when a node is expanded, with each unit's number of children. */
export async function childrenHandler({ ctx, input }: { ctx: ProtectedContext; input: ChildrenInput }) {
  ensureCan(ctx, "read", "orgUnit");
  return ctx.db
    .select({
      id: orgUnit.id,
      name: orgUnit.name,
      code: orgUnit.code,
      level: orgUnit.level,
      childCount: sql<number>`(select count(*)::int from org_unit c where c.tenant_id = org_unit.tenant_id and c.parent_id = org_unit.id)`,
    })
    .from(orgUnit)
    .where(
      and(
        eq(orgUnit.tenantId, ctx.tenant.id),
        input.parentId === null ? isNull(orgUnit.parentId) : eq(orgUnit.parentId, input.parentId),
      ),
    )
    .orderBy(asc(orgUnit.name))
    .limit(2000);
}
