import { sql } from "drizzle-orm";
import { orgUnit } from "@/db/schema";

/** The columns of one row of the tree: the unit and how many children it has (to show an arrow). */
export const treeRow = {
  id: orgUnit.id,
  name: orgUnit.name,
  code: orgUnit.code,
  level: orgUnit.level,
  childCount: sql<number>`(select count(*)::int from org_unit c where c.tenant_id = org_unit.tenant_id and c.parent_id = org_unit.id)`,
};
