import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";

const RECOUNT_AFTER_MS = 10 * 60_000;
const counted = new Map<string, { units: number; at: number }>();

/**
 * How many org units a tenant has, counted at most every ten minutes per process (a count reads
 * the whole tree's index: a few milliseconds at 100k units). It only chooses between two search
 * plans that return the same rows, so a stale count can cost speed, never a wrong answer.
 */
export async function tenantUnitCount(db: Transaction, tenantId: string): Promise<number> {
  const known = counted.get(tenantId);
  if (known && Date.now() - known.at < RECOUNT_AFTER_MS) return known.units;
  const [row] = await db.execute<{ units: number }>(sql`select count(*)::int as units from org_unit where tenant_id = ${tenantId}`);
  const units = row?.units ?? 0;
  counted.set(tenantId, { units, at: Date.now() });
  return units;
}
