import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { orgUnit } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { dbError, testDatabases } from "./databases";

const { owner, runtime } = testDatabases();
let t: TenantFixture;

beforeAll(async () => {
  t = await createTenantFixture(owner, "tree");
});

const asRuntime = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(runtime, { tenantId: t.id }, work);

const move = (db: Database, unit: string, parent: string | null) =>
  withTenant(db, { tenantId: t.id }, (tx) =>
    tx.update(orgUnit).set({ parentId: parent }).where(eq(orgUnit.id, unit)),
  );

/** Units whose stored path or level differs from the one recomputed from parent links. */
async function inconsistentUnits(): Promise<unknown[]> {
  return asRuntime((tx) =>
    tx.execute(sql`
      with recursive walk as (
        select id, text2ltree(replace(id::text, '-', '')) as path, 1 as level
        from org_unit where parent_id is null
        union all
        select u.id, w.path || text2ltree(replace(u.id::text, '-', '')), w.level + 1
        from org_unit u join walk w on u.parent_id = w.id
      )
      select u.id from org_unit u left join walk w on w.id = u.id
      where w.id is null or w.path <> u.path or w.level <> u.level`),
  );
}

describe("org-unit paths maintained by the database", () => {
  it("computes path and level on insert", async () => {
    const rows = await asRuntime((tx) => tx.select().from(orgUnit));
    const byCode = new Map(rows.map((row) => [row.code, row]));
    expect(byCode.get("root")!.level).toBe(1);
    expect(byCode.get("north-a-1")!.level).toBe(4);
    expect(byCode.get("north-a-1")!.path.split(".")).toHaveLength(4);
    expect(await inconsistentUnits()).toEqual([]);
  });

  it("rewrites the whole subtree when a unit moves", async () => {
    await move(runtime, t.units["north-a"]!, t.units["south"]!);
    const moved = await asRuntime((tx) => tx.select().from(orgUnit).where(eq(orgUnit.id, t.units["north-a-2"]!)));
    expect(moved[0]!.level).toBe(4);
    expect(moved[0]!.path.startsWith((await asRuntime((tx) => tx.select().from(orgUnit).where(eq(orgUnit.id, t.units["south"]!))))[0]!.path)).toBe(true);
    expect(await inconsistentUnits()).toEqual([]);
    await move(runtime, t.units["north-a"]!, t.units["north"]!);
    expect(await inconsistentUnits()).toEqual([]);
  });

  it("refuses to make a unit its own parent or ancestor", async () => {
    await expect(move(runtime, t.units["north"]!, t.units["north"]!)).rejects.toThrow();
    await expect(move(runtime, t.units["north"]!, t.units["north-a-1"]!)).rejects.toThrow();
    await expect(move(runtime, t.units["root"]!, t.units["south-a-1"]!)).rejects.toThrow();
    expect(await inconsistentUnits()).toEqual([]);
  });

  it("refuses the cycle even for the owner, whatever the application checks", async () => {
    expect(await dbError(move(owner, t.units["north"]!, t.units["north-b"]!))).toMatch(/moved under itself/);
  });

  it("keeps the tree consistent when overlapping moves race", async () => {
    // Each would be fine alone; together they would form a cycle. One must lose.
    const results = await Promise.allSettled([
      move(runtime, t.units["north"]!, t.units["south-a"]!),
      move(runtime, t.units["south"]!, t.units["north-b"]!),
    ]);
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(1);
    expect(await inconsistentUnits()).toEqual([]);
  });

  it("gives a unit inserted under a concurrently moving parent the parent's new path", async () => {
    const newChild = crypto.randomUUID();
    await Promise.all([
      move(runtime, t.units["north-b"]!, t.units["root"]!),
      asRuntime((tx) => tx.insert(orgUnit).values({ tenantId: t.id, id: newChild, parentId: t.units["north-b"]!, name: "Racing clinic" })),
    ]);
    expect(await inconsistentUnits()).toEqual([]);
  });

  it("refuses a parent from another tenant", async () => {
    const other = await createTenantFixture(owner, "tree-other");
    await expect(move(runtime, t.units["north"]!, other.units["root"]!)).rejects.toThrow();
  });
});
