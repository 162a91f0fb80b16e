import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { userAccount } from "@/db/schema";
import { scopeReport } from "@/server/access/scope-report";
import { loadAccount } from "@/server/auth/account";
import { verifyPassword } from "@/server/auth/password";
import { auditAction } from "@/server/trpc/audit";
import type { ProtectedContext } from "@/server/trpc/init";
import type { ChangeEmailInput, UpdateProfileInput } from "./profile.schema";

async function me(ctx: ProtectedContext) {
  const account = await loadAccount(ctx.db, ctx.tenant.id, ctx.session.userId);
  if (!account) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return account;
}

const mine = (ctx: ProtectedContext) => and(eq(userAccount.tenantId, ctx.tenant.id), eq(userAccount.id, ctx.session.userId));

const audit = (ctx: ProtectedContext, action: string, details: Record<string, unknown>) =>
  auditAction(ctx, { action, subjectType: "user", subjectId: ctx.session.userId, details });

export async function profileHandler({ ctx }: { ctx: ProtectedContext }) {
  const { user, roleKeys } = await me(ctx);
  const scopes = await scopeReport(ctx.db, ctx.tenant.id, user.id);
  return { displayName: user.displayName, email: user.email, phone: user.phone ?? "", roleKeys, scopes: scopes.effective, analyticsFromCapture: scopes.analyticsFromCapture };
}

export async function updateProfileHandler({ ctx, input }: { ctx: ProtectedContext; input: UpdateProfileInput }) {
  const { user } = await me(ctx);
  const phone = input.phone || null;
  await ctx.db.update(userAccount).set({ displayName: input.displayName, phone, updatedAt: sql`now()` }).where(mine(ctx));
  await audit(ctx, "user.profile_changed", {
    before: { displayName: user.displayName, phone: user.phone },
    after: { displayName: input.displayName, phone },
  });
  return { displayName: input.displayName, phone: phone ?? "" };
}

/** A new sign-in address needs the password again, and must respect the tenant's allowed domains. */
export async function changeEmailHandler({ ctx, input }: { ctx: ProtectedContext; input: ChangeEmailInput }) {
  const { user, policy } = await me(ctx);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Your password is not correct." });
  }
  const domain = input.email.split("@")[1]!;
  if (policy.allowedEmailDomains.length && !policy.allowedEmailDomains.includes(domain)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Use an address at ${policy.allowedEmailDomains.join(" or ")}.` });
  }
  if (input.email === user.email) return { email: user.email };
  const [taken] = await ctx.db
    .select({ id: userAccount.id })
    .from(userAccount)
    .where(and(eq(userAccount.tenantId, ctx.tenant.id), eq(userAccount.email, input.email)));
  if (taken) throw new TRPCError({ code: "CONFLICT", message: "Another account already uses this address." });
  await ctx.db.update(userAccount).set({ email: input.email, updatedAt: sql`now()` }).where(mine(ctx));
  await audit(ctx, "user.email_changed", { before: user.email, after: input.email });
  return { email: input.email };
}
