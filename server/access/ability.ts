import { AbilityBuilder, createMongoAbility, type MongoAbility } from "@casl/ability";
import { packRules, unpackRules, type PackRule } from "@casl/ability/extra";
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
