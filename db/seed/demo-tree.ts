import { eq } from "drizzle-orm";
import type { Transaction } from "../client";
import { orgUnit } from "../schema";

/** Codes (DHIS2 uids) of the demo units the access scenarios revolve around (DESIGN.md §7). */
export const DEMO_UNITS = {
  sierraLeone: "ImspTQPwCqd",
  bo: "O6uvpzGd5pu",
  badjia: "YuQRtpLP10I",
  ngelehunChc: "DiszpKrYNg8",
} as const;

export type DemoFacility = { id: string; chiefdomId: string; districtId: string };
export type DemoTree = { idOf: (code: string) => string; facilities: DemoFacility[] };

const FACILITY_LEVEL = 4;

/**
 * The demo tree as just inserted (levels come from the database's trigger). Facilities are
 * sorted by code in JavaScript, not by the database's collation, so every machine draws the
 * same people from the seeded random source.
 */
export async function loadDemoTree(tx: Transaction, tenantId: string): Promise<DemoTree> {
  const rows = await tx
    .select({ id: orgUnit.id, code: orgUnit.code, parentId: orgUnit.parentId, level: orgUnit.level })
    .from(orgUnit)
    .where(eq(orgUnit.tenantId, tenantId));
  rows.sort((a, b) => ((a.code ?? "") < (b.code ?? "") ? -1 : 1));
  const parentOf = new Map(rows.map((row) => [row.id, row.parentId]));
  const idByCode = new Map(rows.map((row) => [row.code, row.id]));
  const facilities = rows
    .filter((row) => row.level === FACILITY_LEVEL)
    .map((row) => ({ id: row.id, chiefdomId: row.parentId!, districtId: parentOf.get(row.parentId!)! }));
  return {
    idOf: (code) => {
      const id = idByCode.get(code);
      if (!id) throw new Error(`Demo unit ${code} is missing`);
      return id;
    },
    facilities,
  };
}
