import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orgUnit, userAccount } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { withTenant } from "@/db/tenant-transaction";
import { scopeReport } from "@/server/access/scope-report";
import { testDatabases } from "./databases";
import { DEMO_OPTIONS, seedDemoOnce } from "./demo-tenant";

const { owner, runtime } = testDatabases();
let demoId: string;

beforeAll(async () => {
  demoId = (await seedDemoOnce(owner)).id;
}, 120_000);

describe("the demo seed", () => {
  it("loads the whole Sierra Leone hierarchy: 1 / 13 / 152 / 1,166 units by level", async () => {
    const rows = await withTenant(runtime, { tenantId: demoId }, (tx) =>
      tx.select({ level: orgUnit.level, n: sql<number>`count(*)::int` }).from(orgUnit).groupBy(orgUnit.level).orderBy(orgUnit.level),
    );
    expect(rows).toEqual([
      { level: 1, n: 1 },
      { level: 2, n: 13 },
      { level: 3, n: 152 },
      { level: 4, n: 1166 },
    ]);
  });

  it("gives the nurse Ngelehun CHC to capture and Badjia to search", async () => {
    const report = await withTenant(runtime, { tenantId: demoId }, async (tx) => {
      const [nurse] = await tx.select().from(userAccount).where(and(eq(userAccount.tenantId, demoId), eq(userAccount.email, "nurse@demo.test")));
      return scopeReport(tx, demoId, nurse!.id);
    });
    expect(report.effective.capture).toEqual(["Ngelehun CHC"]);
    expect(report.effective.search).toEqual([expect.stringMatching(/^Badjia: 1 chiefdom, \d+ facilities$/)]);
  });

  it("changes nothing when run again", async () => {
    expect(await seedDemo(owner, DEMO_OPTIONS)).toEqual([]);
  });
});
