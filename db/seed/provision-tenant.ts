import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { hashPassword } from "@/server/auth/password";
import type { Database, Transaction } from "../client";
import { SYSTEM_ROLES } from "@/server/access/system-roles";
import { orgUnit, orgUnitLevel, role, tenant, userAccount, userRole, userScope } from "../schema";
import { withTenant } from "../tenant-transaction";

export type TenantSpec = {
  slug: string;
  name: string;
  levels: string[];
  /** Units in any order; `key` is the unit's code, `parentKey` its parent's code. */
  units: { key: string; name: string; parentKey: string | null }[];
  /** `roles` are system role keys (server/access/system-roles.ts); a sealed TOTP secret enrols two-factor. */
  users: {
    email: string;
    displayName: string;
    roles: string[];
    /** Unit keys of each scope's roots. */
    scopes?: Partial<Record<"capture" | "search" | "analytics", string[]>>;
    totpSecretSealed?: string;
    passwordMustChange?: boolean;
  }[];
  /** Adds more data (programs, people…) in the same transaction, so a tenant is created whole or not at all. */
  populate?: (tx: Transaction, tenantId: string) => Promise<void>;
};

const BATCH = 500;

/**
 * Creates a tenant with its tree and users in one transaction, bound to the new tenant like any
 * request. Returns false (changing nothing) when the slug exists already, so seeding is repeatable.
 */
export async function provisionTenant(db: Database, spec: TenantSpec, password: string): Promise<boolean> {
  const [existing] = await db.select({ id: tenant.id }).from(tenant).where(eq(tenant.slug, spec.slug));
  if (existing) return false;

  const tenantId = randomUUID();
  const ids = new Map(spec.units.map((unit) => [unit.key, randomUUID()]));
  const depth = unitDepths(spec.units);
  const byDepth = [...spec.units].sort((a, b) => depth.get(a.key)! - depth.get(b.key)!);
  const passwordHashes = await Promise.all(spec.users.map(() => hashPassword(password)));

  await withTenant(db, { tenantId }, async (tx) => {
    await tx.insert(tenant).values({ id: tenantId, slug: spec.slug, name: spec.name });
    await tx.insert(orgUnitLevel).values(spec.levels.map((name, index) => ({ tenantId, level: index + 1, name })));
    // Parents first: the path trigger reads each parent's path, and rows inserted earlier in the
    // same statement are visible to it.
    for (let start = 0; start < byDepth.length; start += BATCH) {
      await tx.insert(orgUnit).values(
        byDepth.slice(start, start + BATCH).map((unit) => ({
          tenantId,
          id: ids.get(unit.key)!,
          parentId: unit.parentKey === null ? null : ids.get(unit.parentKey)!,
          name: unit.name.trim(),
          code: unit.key,
        })),
      );
    }
    const roles = await tx
      .insert(role)
      .values(SYSTEM_ROLES.map((r) => ({ tenantId, key: r.key, name: r.name, description: r.description, permissions: [...r.permissions], system: true })))
      .returning({ id: role.id, key: role.key });
    const roleIds = new Map(roles.map((r) => [r.key, r.id]));
    const users = await tx
      .insert(userAccount)
      .values(
        spec.users.map((user, index) => ({
          tenantId,
          email: user.email,
          displayName: user.displayName,
          passwordHash: passwordHashes[index]!,
          passwordMustChange: user.passwordMustChange ?? false,
          ...(user.totpSecretSealed ? { totpSecretSealed: user.totpSecretSealed, totpEnabledAt: new Date() } : {}),
        })),
      )
      .returning({ id: userAccount.id, email: userAccount.email });
    const assignments = spec.users.flatMap((user, index) =>
      user.roles.map((key) => ({ tenantId, userId: users[index]!.id, roleId: roleIds.get(key) ?? unknownRole(key) })),
    );
    if (assignments.length) await tx.insert(userRole).values(assignments);
    const scopes = spec.users.flatMap((user, index) =>
      (["capture", "search", "analytics"] as const).flatMap((kind) =>
        (user.scopes?.[kind] ?? []).map((key) => ({ tenantId, userId: users[index]!.id, kind, orgUnitId: ids.get(key)! })),
      ),
    );
    if (scopes.length) await tx.insert(userScope).values(scopes);
    await spec.populate?.(tx, tenantId);
  });
  return true;
}

function unknownRole(key: string): never {
  throw new Error(`Unknown system role ${key}`);
}

function unitDepths(units: TenantSpec["units"]): Map<string, number> {
  const parents = new Map(units.map((unit) => [unit.key, unit.parentKey]));
  const depths = new Map<string, number>();
  const depthOf = (key: string, seen: Set<string>): number => {
    const known = depths.get(key);
    if (known !== undefined) return known;
    if (seen.has(key)) throw new Error(`Cycle in seed tree at ${key}`);
    seen.add(key);
    const parent = parents.get(key);
    if (parent !== null && parent !== undefined && !parents.has(parent)) throw new Error(`Missing parent ${parent} of ${key}`);
    const depth = parent == null ? 1 : depthOf(parent, seen) + 1;
    depths.set(key, depth);
    return depth;
  };
  for (const unit of units) depthOf(unit.key, new Set());
  return depths;
}
