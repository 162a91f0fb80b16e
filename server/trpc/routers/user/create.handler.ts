import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { userAccount, userRole } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { loadSecurityPolicy } from "@/server/auth/security-policy";
import { temporaryPassword } from "@/server/auth/temporary-password";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import type { CreateUserInput } from "./create.schema";
import { auditUserAction } from "./find-user";
import { grantableRoles } from "./grantable-roles";

/**
 * Creates an account (the only way accounts come to exist) with a temporary password, returned
 * once for the administrator to hand over; the user must replace it at first sign-in.
 */
export async function createUserHandler({ ctx, input }: { ctx: ProtectedContext; input: CreateUserInput }) {
  ensureCan(ctx, "create", "user");
  const policy = await loadSecurityPolicy(ctx.db, ctx.tenant.id);
  const domain = input.email.split("@")[1]!;
  if (policy.allowedEmailDomains.length && !policy.allowedEmailDomains.includes(domain)) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `Accounts in this organisation must use an address at ${policy.allowedEmailDomains.join(" or ")}.`,
    });
  }
  const roles = await grantableRoles(ctx, input.roleKeys);
  const [existing] = await ctx.db
    .select({ id: userAccount.id })
    .from(userAccount)
    .where(and(eq(userAccount.tenantId, ctx.tenant.id), eq(userAccount.email, input.email)));
  if (existing) throw new TRPCError({ code: "CONFLICT", message: "A user with this email address already exists." });

  const password = temporaryPassword(policy.password, {
    tenantName: ctx.tenant.name,
    tenantSlug: ctx.tenant.slug,
    displayName: input.displayName,
    email: input.email,
  });
  const [created] = await ctx.db
    .insert(userAccount)
    .values({
      tenantId: ctx.tenant.id,
      email: input.email,
      displayName: input.displayName,
      passwordHash: await hashPassword(password),
      passwordMustChange: true,
    })
    .returning({ id: userAccount.id });
  if (roles.length) await ctx.db.insert(userRole).values(roles.map((r) => ({ tenantId: ctx.tenant.id, userId: created!.id, roleId: r.id })));
  await auditUserAction(ctx, "user.created", created!.id, { email: input.email, roles: roles.map((r) => r.key) });
  return { userId: created!.id, temporaryPassword: password };
}
