import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orgUnit, tenant } from "@/db/schema";
import { provisionTenant } from "@/db/seed/provision-tenant";
import { withTenant } from "@/db/tenant-transaction";
import { orderParentsFirst, type ImportRow } from "@/server/services/org-unit-import";
import { callerAs } from "./callers";
import { testDatabases } from "./databases";

const { owner, runtime } = testDatabases();
const demoRows = (JSON.parse(readFileSync(path.join(import.meta.dirname, "../../db/seed/data/sierra-leone-orgunits.json"), "utf8")) as ImportRow[]).map(
  ({ id, name, parentId }) => ({ id, name, parentId }),
);
let tenantId: string;
let adminId: string;
const f = () => ({ id: tenantId, slug: "import-x", name: "Import test", users: { admin: adminId }, units: {}, sessionToken: "" });
const admin = () => callerAs(f(), adminId);

beforeAll(async () => {
  // A tenant with users but no tree yet, like a new ministry about to load its hierarchy.
  const slug = `import-${crypto.randomUUID().slice(0, 8)}`;
  await provisionTenant(owner, { slug, name: "Import test", levels: ["National", "District", "Chiefdom", "Facility"], units: [], users: [{ email: "admin@import.test", displayName: "Admin", roles: ["tenant_admin"] }] }, "a long enough password");
  tenantId = (await owner.select().from(tenant).where(eq(tenant.slug, slug)))[0]!.id;
  adminId = (await withTenant(owner, { tenantId }, (tx) => tx.execute<{ id: string }>(sql`select id from user_account where tenant_id = ${tenantId}`)))[0]!.id;
});

const countsByLevel = () =>
  withTenant(runtime, { tenantId }, (tx) =>
    tx.select({ level: orgUnit.level, n: sql<number>`count(*)::int` }).from(orgUnit).groupBy(orgUnit.level).orderBy(orgUnit.level),
  );

describe("importing the tree", () => {
  it("refuses a broken file with its list of problems and writes nothing", async () => {
    const broken = [...demoRows.slice(0, 20), { id: "XX1", name: "Orphan", parentId: "nowhere" }, { ...demoRows[5]! }];
    const check = await admin().orgUnit.checkImport({ rows: broken });
    expect(check.problems.length).toBeGreaterThanOrEqual(2);
    await expect(admin().orgUnit.importBatch({ rows: broken })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await countsByLevel()).toEqual([]);
  });

  it("loads the demo file in slices: 1,332 units, 1/13/152/1,166 by level", async () => {
    const check = await admin().orgUnit.checkImport({ rows: demoRows });
    expect(check).toMatchObject({ problems: [], toCreate: 1332, byDepth: [1, 13, 152, 1166] });
    const ordered = orderParentsFirst(demoRows);
    let created = 0;
    for (let start = 0; start < ordered.length; start += 500) {
      created += (await admin().orgUnit.importBatch({ rows: ordered.slice(start, start + 500) })).created;
    }
    expect(created).toBe(1332);
    expect(await countsByLevel()).toEqual([
      { level: 1, n: 1 },
      { level: 2, n: 13 },
      { level: 3, n: 152 },
      { level: 4, n: 1166 },
    ]);
  });

  it("skips what is already there when the same file is imported again, and exports what it holds", async () => {
    expect((await admin().orgUnit.checkImport({ rows: demoRows })).alreadyPresent).toBe(1332);
    expect((await admin().orgUnit.importBatch({ rows: demoRows.slice(0, 100) })).created).toBe(0);
    const exported = await admin().orgUnit.export();
    expect(exported).toHaveLength(1332);
    expect(exported.find((u) => u.id === "DiszpKrYNg8")).toMatchObject({ name: "Ngelehun CHC", parentId: "YuQRtpLP10I", level: 4 });
    expect(exported.some((u) => u.name === "Panderu MCHP")).toBe(true);
  });
});
