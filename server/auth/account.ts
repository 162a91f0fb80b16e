import { and, eq, isNotNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { pipelined } from "@/db/pipelined";
import { role, userAccount, userRole } from "@/db/schema";
import { loadSecurityPolicy, type SecurityPolicy } from "./security-policy";
import type { AccountFacts } from "./stages";

export type UserRow = typeof userAccount.$inferSelect;
export type Account = { user: UserRow; roleKeys: string[]; policy: SecurityPolicy; facts: AccountFacts };

/** The system-role keys a user holds (custom roles have none). */
export async function roleKeysOf(tx: Transaction, tenantId: string, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ key: role.key })
    .from(userRole)
    .innerJoin(role, and(eq(role.tenantId, userRole.tenantId), eq(role.id, userRole.roleId)))
    .where(and(eq(userRole.tenantId, tenantId), eq(userRole.userId, userId), isNotNull(role.key)));
  return rows.map((row) => row.key!);
}

export function accountFacts(user: UserRow, roleKeys: string[]): AccountFacts {
  return {
    totpEnabledAt: user.totpEnabledAt,
    passwordMustChange: user.passwordMustChange,
    passwordChangedAt: user.passwordChangedAt,
    roleKeys,
  };
}

/** A user with what decides their sign-in stages: roles and the tenant's security policy. */
export async function loadAccount(tx: Transaction, tenantId: string, userId: string): Promise<Account | null> {
  const [user] = await tx
    .select()
    .from(userAccount)
    .where(and(eq(userAccount.tenantId, tenantId), eq(userAccount.id, userId)));
  if (!user) return null;
  const [roleKeys, policy] = await pipelined([roleKeysOf(tx, tenantId, userId), loadSecurityPolicy(tx, tenantId)]);
  return { user, roleKeys, policy, facts: accountFacts(user, roleKeys) };
}
