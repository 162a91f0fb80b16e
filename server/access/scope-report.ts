import type { Transaction } from "@/db/client";
import { pipelined } from "@/db/pipelined";
import { describeSummary } from "./describe-scopes";
import { effectiveScopes, scopeRootsOf, SCOPE_KINDS, summarizeRoots, type ScopeKind } from "./scopes";

export type ScopeReport = {
  assigned: Record<ScopeKind, { id: string; name: string }[]>;
  effective: Record<ScopeKind, string[]>;
  analyticsFromCapture: boolean;
};

/** A user's scopes as assigned, and effectively, in words an admin or the user can read. */
export async function scopeReport(tx: Transaction, tenantId: string, userId: string): Promise<ScopeReport> {
  const roots = await scopeRootsOf(tx, tenantId, userId);
  const effective = effectiveScopes(roots);
  const described = await pipelined(
    SCOPE_KINDS.map(async (kind) => (await summarizeRoots(tx, tenantId, effective[kind])).map(describeSummary)),
  );
  return {
    assigned: Object.fromEntries(SCOPE_KINDS.map((kind) => [kind, roots[kind].map(({ id, name }) => ({ id, name }))])) as ScopeReport["assigned"],
    effective: Object.fromEntries(SCOPE_KINDS.map((kind, index) => [kind, described[index]!])) as ScopeReport["effective"],
    analyticsFromCapture: effective.analyticsFromCapture,
  };
}
