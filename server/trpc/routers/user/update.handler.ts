import { TRPCError } from "@trpc/server";
import { and, eq, ne, sql } from "drizzle-orm";
import { userAccount } from "@/db/schema";
import { loadSecurityPolicy } from "@/server/auth/security-policy";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditUserAction, findUser } from "./find-user";
import type { UpdateUserInput } from "./update.schema";

/** An administrator corrects a user's name or sign-in email (allowed domains, unique), audited. */
export async function updateUserHandler({ ctx, input }: { ctx: ProtectedContext; input: UpdateUserInput }) {
  ensureCan(ctx, "update", "user");
  const user = await findUser(ctx, input.userId);
  const policy = await loadSecurityPolicy(ctx.db, ctx.tenant.id);
  const domain = input.email.split("@")[1]!;
  if (input.email !== user.email && policy.allowedEmailDomains.length && !policy.allowedEmailDomains.includes(domain)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Accounts in this organisation must use an address at ${policy.allowedEmailDomains.join(" or ")}.` });
  }
  const [taken] = await ctx.db
    .select({ id: userAccount.id })
    .from(userAccount)
    .where(and(eq(userAccount.tenantId, ctx.tenant.id), eq(userAccount.email, input.email), ne(userAccount.id, user.id)));
  if (taken) throw new TRPCError({ code: "CONFLICT", message: "A user with this email address already exists." });
  await ctx.db
    .update(userAccount)
    .set({ displayName: input.displayName, email: input.email, updatedAt: sql`now()` })
    .where(and(eq(userAccount.tenantId, ctx.tenant.id), eq(userAccount.id, user.id)));
  await auditUserAction(ctx, "user.updated", user.id, {
    before: { displayName: user.displayName, email: user.email },
    after: { displayName: input.displayName, email: input.email },
  });
  return { displayName: input.displayName, email: input.email };
}
