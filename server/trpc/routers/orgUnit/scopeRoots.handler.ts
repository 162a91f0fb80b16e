import { and, eq, inArray } from "drizzle-orm";
import { orgUnit } from "@/db/schema";
import { effectiveScopes, scopeRootsOf } from "@/server/access/scopes";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { treeRow } from "./tree-row";

/** The top of the caller's own part of the tree: their effective search roots (capture ∪ search). */
export async function scopeRootsHandler({ ctx }: { ctx: ProtectedContext }) {
  ensureCan(ctx, "read", "orgUnit");
  const roots = effectiveScopes(await scopeRootsOf(ctx.db, ctx.tenant.id, ctx.session.userId)).search;
  if (roots.length === 0) return [];
  return ctx.db
    .select(treeRow)
    .from(orgUnit)
    .where(and(eq(orgUnit.tenantId, ctx.tenant.id), inArray(orgUnit.id, roots.map((r) => r.id))))
    .orderBy(orgUnit.level, orgUnit.name);
}
