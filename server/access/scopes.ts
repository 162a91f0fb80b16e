import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { pipelined } from "@/db/pipelined";
import { orgUnit, orgUnitLevel, userScope } from "@/db/schema";

export type ScopeKind = "capture" | "search" | "analytics";
export const SCOPE_KINDS: readonly ScopeKind[] = ["capture", "search", "analytics"];

export type ScopeRoot = { id: string; name: string; code: string | null; level: number; path: string };
export type ScopeRoots = Record<ScopeKind, ScopeRoot[]>;

/** The roots a user was given, per kind, as stored. */
export async function scopeRootsOf(tx: Transaction, tenantId: string, userId: string): Promise<ScopeRoots> {
  const rows = await tx
    .select({ kind: userScope.kind, id: orgUnit.id, name: orgUnit.name, code: orgUnit.code, level: orgUnit.level, path: orgUnit.path })
    .from(userScope)
    .innerJoin(orgUnit, and(eq(orgUnit.tenantId, userScope.tenantId), eq(orgUnit.id, userScope.orgUnitId)))
    .where(and(eq(userScope.tenantId, tenantId), eq(userScope.userId, userId)))
    .orderBy(asc(orgUnit.level), asc(orgUnit.name));
  const roots: ScopeRoots = { capture: [], search: [], analytics: [] };
  for (const { kind, ...unit } of rows) roots[kind].push(unit);
  return roots;
}

const covers = (ancestor: ScopeRoot, unit: ScopeRoot) => unit.path === ancestor.path || unit.path.startsWith(`${ancestor.path}.`);

/** Drops roots already covered by another root, so nothing is counted twice. */
export function minimalRoots(roots: ScopeRoot[]): ScopeRoot[] {
  const unique = [...new Map(roots.map((root) => [root.id, root])).values()];
  return unique.filter((root) => !unique.some((other) => other.id !== root.id && covers(other, root)));
}

/** Effective scopes: search = capture ∪ search; an empty analytics scope is the capture scope. */
export function effectiveScopes(roots: ScopeRoots): ScopeRoots & { analyticsFromCapture: boolean } {
  const analyticsFromCapture = roots.analytics.length === 0;
  return {
    capture: minimalRoots(roots.capture),
    search: minimalRoots([...roots.capture, ...roots.search]),
    analytics: minimalRoots(analyticsFromCapture ? roots.capture : roots.analytics),
    analyticsFromCapture,
  };
}

export type ScopeSummary = { root: ScopeRoot; counts: { level: number; levelName: string; units: number }[] };

/** For each root, how many units of each level it covers (itself included), in the tenant's level names. */
export async function summarizeRoots(tx: Transaction, tenantId: string, roots: ScopeRoot[]): Promise<ScopeSummary[]> {
  if (roots.length === 0) return [];
  const levels = new Map(
    (await tx.select().from(orgUnitLevel).where(eq(orgUnitLevel.tenantId, tenantId))).map((l) => [l.level, l.name]),
  );
  const counts = await pipelined(
    roots.map((root) =>
      tx
        .select({ level: orgUnit.level, units: sql<number>`count(*)::int` })
        .from(orgUnit)
        .where(and(eq(orgUnit.tenantId, tenantId), sql`${orgUnit.path} <@ ${root.path}::ltree`))
        .groupBy(orgUnit.level)
        .orderBy(asc(orgUnit.level)),
    ),
  );
  return roots.map((root, index) => ({
    root,
    counts: counts[index]!.map((row) => ({ ...row, levelName: levels.get(row.level) ?? `Level ${row.level}` })),
  }));
}

/** The org units with these ids in the tenant; refuses when any is missing. */
export async function unitsById(tx: Transaction, tenantId: string, ids: string[]): Promise<Map<string, ScopeRoot> | null> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select({ id: orgUnit.id, name: orgUnit.name, code: orgUnit.code, level: orgUnit.level, path: orgUnit.path })
    .from(orgUnit)
    .where(and(eq(orgUnit.tenantId, tenantId), inArray(orgUnit.id, unique)));
  return rows.length === unique.length ? new Map(rows.map((row) => [row.id, row])) : null;
}
