import type postgres from "postgres";
import type { SizeSpec } from "../sizes";

/**
 * The org-unit tree, one INSERT … SELECT per level, parents first. The loader runs with
 * session_replication_role = replica (triggers off), so each row gets the path and level that
 * org_unit_set_path would give it: the parent's path plus the unit's id without dashes.
 * Unit i of a level hangs under unit (i mod count above); see ../sizes.ts.
 */
export async function generateTree(sql: postgres.Sql, tenantId: string, spec: SizeSpec): Promise<void> {
  const levels = [
    { level: 2, count: spec.regions, above: 1, aboveCount: 1, code: "R", name: "'Region ' || i" },
    { level: 3, count: spec.districts, above: 2, aboveCount: spec.regions, code: "D", name: "'District ' || i" },
    { level: 4, count: spec.subdistricts, above: 3, aboveCount: spec.districts, code: "S", name: "'Subdistrict ' || i" },
    {
      level: 5,
      count: spec.facilities,
      above: 4,
      aboveCount: spec.subdistricts,
      code: "F",
      name: `case when i < ${spec.districts} then 'District Hospital ' || i else 'Clinic ' || i end`,
    },
  ];
  await sql`
    insert into org_unit (tenant_id, id, parent_id, name, code, level, path, opening_date)
    values (${tenantId}, bench.uid('unit-1', 0), null, 'Nation', 'N', 1, bench.label(bench.uid('unit-1', 0)), date '2000-01-01')`;
  for (const l of levels) {
    await sql.unsafe(
      `insert into org_unit (tenant_id, id, parent_id, name, code, level, path, opening_date)
       select $1, bench.uid('unit-${l.level}', i), p.id, ${l.name}, '${l.code}' || i, ${l.level},
              p.path || bench.label(bench.uid('unit-${l.level}', i)), date '2000-01-01'
       from generate_series(0, ${l.count - 1}) i
       join org_unit p on p.tenant_id = $1 and p.id = bench.uid('unit-${l.above}', i % ${l.aboveCount})`,
      [tenantId],
    );
  }
}
