import type { Context, Row } from "../cases";
import { judge } from "../cases";
import { MOVE_REGION_UNDER, MOVE_TARGET_REGION, MOVED_DISTRICT, MOVED_REGION } from "../fixtures";
import { once, percentiles, type Caller } from "../measure";

/**
 * Query 6: move a district (with its subdistricts and facilities, and so every record they own)
 * to another region and back, as an admin would from the org-unit screen: one UPDATE of
 * parent_id whose trigger rewrites the subtree's paths (db/migrations/0025,
 * org_unit_move_subtree); records are judged by their unit and are not rewritten. The floor runs
 * the same UPDATE as the owner — the trigger is the work, so the two should be close.
 */
export async function moveRows(ctx: Context): Promise<Row[]> {
  const rows = [await moveRow(ctx, "6 move a district to another region", MOVED_DISTRICT, MOVE_TARGET_REGION, 6)];
  // In S a district is small; the region below is the size of an M district (the case).
  if (ctx.world.spec.size === "S") rows.push(await moveRow(ctx, "6 move a region (size of an M district)", MOVED_REGION, MOVE_REGION_UNDER, 2));
  return rows;
}

async function moveRow(ctx: Context, query: string, code: string, to: string, moves: number): Promise<Row> {
  const { world, runtime, owner } = ctx;
  const unit = await world.unit(code);
  const target = await world.unit(to);
  const [home] = await owner<{ parent_id: string }[]>`select parent_id from org_unit where tenant_id = ${world.tenantId} and id = ${unit.id}`;
  const [size] = await owner<{ facilities: number; people: number; ownerships: number }[]>`
    select (select count(*) from org_unit where tenant_id = ${world.tenantId} and path <@ ${unit.path}::ltree and level = 5)::int as facilities,
           (select count(*) from tracked_entity t join org_unit u on u.tenant_id = t.tenant_id and u.id = t.registration_unit_id
             where t.tenant_id = ${world.tenantId} and u.path <@ ${unit.path}::ltree)::int as people,
           (select count(*) from program_ownership o join org_unit u on u.tenant_id = o.tenant_id and u.id = o.owner_unit_id
             where o.tenant_id = ${world.tenantId} and u.path <@ ${unit.path}::ltree)::int as ownerships`;
  const admin = world.users.admin!;
  const move = async (caller: Caller) => {
    const samples: number[] = [];
    for (let i = 0; i < moves; i++) {
      const parent = i % 2 === 0 ? target.id : home!.parent_id;
      const { ms } = await once(caller, {
        text: "update org_unit set parent_id = $2, updated_at = now() where tenant_id = $1 and id = $3",
        params: [world.tenantId, parent, unit.id],
      });
      samples.push(ms);
    }
    return { ...percentiles(samples), violations: [] };
  };
  const app = await move({ sql: runtime, tenantId: world.tenantId, userId: admin.userId });
  const floor = await move({ sql: owner, tenantId: world.tenantId, userId: admin.userId });
  const [after] = await owner<{ parent_id: string }[]>`select parent_id from org_unit where tenant_id = ${world.tenantId} and id = ${unit.id}`;
  const notes = [`moves ${size!.facilities} facilities, ${size!.people} people, ${size!.ownerships} ownerships (${moves} moves, there and back)`];
  if (after!.parent_id !== home!.parent_id) notes.push(`${code} did not end where it started`);
  return judge({ query, who: "admin", app, floor, notes }, { pct: "p99", maxMs: 1000 });
}
