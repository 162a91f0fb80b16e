import { AbilityBuilder, createMongoAbility, type MongoAbility } from "@casl/ability";
import { packRules, unpackRules, type PackRule } from "@casl/ability/extra";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { role, userRole } from "@/db/schema";
import { ALL_PERMISSION_KEYS, type Action, type Subject } from "./permissions";

export type AppAbility = MongoAbility<[Action, Subject]>;

/** A CASL ability from permission keys ("action:subject"); unknown keys grant nothing. */
export function abilityFor(permissionKeys: Iterable<string>): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const key of permissionKeys) {
    if (!ALL_PERMISSION_KEYS.includes(key)) continue;
    const [action, subject] = key.split(":") as [Action, Subject];
    can(action, subject);
  }
  return build();
}

/** The union of the permissions of every role the user holds. */
export async function permissionsOf(tx: Transaction, tenantId: string, userId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ permissions: role.permissions })
    .from(userRole)
    .innerJoin(role, and(eq(role.tenantId, userRole.tenantId), eq(role.id, userRole.roleId)))
    .where(and(eq(userRole.tenantId, tenantId), eq(userRole.userId, userId)));
  return new Set(rows.flatMap((row) => row.permissions));
}

/** Rules for the browser, only so it can hide what cannot be done; the server always checks. */
export const packedRules = (ability: AppAbility): PackRule<AppAbility["rules"][number]>[] => packRules(ability.rules);

/** Rebuilds an ability from packed rules (in the browser or a server component). */
export const abilityFromPacked = (rules: PackRule<AppAbility["rules"][number]>[]): AppAbility =>
  createMongoAbility<AppAbility>(unpackRules(rules));

/** The first permission key the ability lacks (unknown keys count as lacking), or null. */
export function firstMissingPermission(ability: AppAbility, permissionKeys: readonly string[]): string | null {
  for (const key of permissionKeys) {
    const [action, subject] = key.split(":") as [Action, Subject];
    if (!ALL_PERMISSION_KEYS.includes(key) || ability.cannot(action, subject)) return key;
  }
  return null;
}
