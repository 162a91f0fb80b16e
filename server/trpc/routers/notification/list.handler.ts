import { and, count, desc, eq, isNull } from "drizzle-orm";
import { pipelined } from "@/db/pipelined";
import { notification } from "@/db/schema";
import type { ProtectedContext } from "@/server/trpc/init";

/** The caller's own latest notifications and how many are unread. */
export async function listNotificationsHandler({ ctx }: { ctx: ProtectedContext }) {
  const mine = and(eq(notification.tenantId, ctx.tenant.id), eq(notification.recipientId, ctx.session.userId));
  const [items, [unread]] = await pipelined([
    ctx.db.select().from(notification).where(mine).orderBy(desc(notification.createdAt)).limit(50),
    ctx.db.select({ n: count() }).from(notification).where(and(mine, isNull(notification.readAt))),
  ]);
  return {
    unread: unread?.n ?? 0,
    items: items.map((n) => ({ id: n.id, title: n.title, body: n.body, link: n.link, at: n.createdAt, read: n.readAt !== null })),
  };
}
