import { and, asc, eq, isNull } from "drizzle-orm";
import { orgUnit } from "@/db/schema";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import type { ChildrenInput } from "./children.schema";
import { treeRow } from "./tree-row";

/** One level of the tree, loaded when a node is expanded, with each unit's number of children. */
export async function childrenHandler({ ctx, input }: { ctx: ProtectedContext; input: ChildrenInput }) {
  ensureCan(ctx, "read", "orgUnit");
  return ctx.db
    .select(treeRow)
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
