import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { notification } from "@/db/schema";
import type { ProtectedContext } from "@/server/trpc/init";
import type { MarkReadInput } from "./markRead.schema";

export async function markReadHandler({ ctx, input }: { ctx: ProtectedContext; input: MarkReadInput }) {
  const marked = await ctx.db
    .update(notification)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notification.tenantId, ctx.tenant.id),
        eq(notification.recipientId, ctx.session.userId),
        isNull(notification.readAt),
        input.ids ? inArray(notification.id, input.ids) : undefined,
      ),
    )
    .returning({ id: notification.id });
  return { marked: marked.length };
}
