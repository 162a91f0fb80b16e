import { sql } from "drizzle-orm";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createSecretBox } from "@/server/auth/secret-box";
import type { Database, Transaction } from "../client";
import { seedDemoPeople } from "./demo-people";
import { seedDemoPrograms } from "./demo-programs";
import { DEMO_UNITS, loadDemoTree } from "./demo-tree";
import { provisionTenant, type TenantSpec } from "./provision-tenant";

type Dhis2Unit = { id: string; name: string; parentId: string | null; level: number };

function sierraLeoneUnits(): TenantSpec["units"] {
  const file = path.join(import.meta.dirname, "data", "sierra-leone-orgunits.json");
  const units = JSON.parse(readFileSync(file, "utf8")) as Dhis2Unit[];
  return units.map((unit) => ({ key: unit.id, name: unit.name, parentKey: unit.parentId }));
}

const { sierraLeone: SIERRA_LEONE, bo: BO, badjia: BADJIA, ngelehunChc: NGELEHUN_CHC } = DEMO_UNITS;

function demoUsers(totpSecretSealed: string) {
  return {
    demo: [
      { email: "admin@demo.test", displayName: "Aminata Sesay (admin)", roles: ["tenant_admin"], scopes: { capture: [SIERRA_LEONE] }, totpSecretSealed },
      // Ngelehun CHC in Badjia chiefdom, Bo district (DESIGN.md §7).
      { email: "nurse@demo.test", displayName: "Fatmata Kamara", roles: ["data_entry_clerk"], scopes: { capture: [NGELEHUN_CHC], search: [BADJIA] } },
      { email: "district@demo.test", displayName: "Mohamed Bangura", roles: ["data_entry_clerk"], scopes: { capture: [BO] } },
      { email: "supervisor@demo.test", displayName: "Hawa Turay", roles: ["supervisor"], scopes: { capture: [BO] } },
      { email: "analyst@demo.test", displayName: "Isatu Conteh", roles: ["analyst"], scopes: { analytics: [SIERRA_LEONE] } },
      { email: "auditor@demo.test", displayName: "Abdul Koroma", roles: ["auditor"], totpSecretSealed },
    ],
    acme: [{ email: "admin@acme.test", displayName: "Grace Acme (admin)", roles: ["tenant_admin"], scopes: { capture: ["ACME"] } }],
  };
}

const acmeUnits: TenantSpec["units"] = [
  { key: "ACME", name: "Acme Clinics", parentKey: null },
  { key: "ACME-N", name: "North Region", parentKey: "ACME" },
  { key: "ACME-S", name: "South Region", parentKey: "ACME" },
  { key: "ACME-N-1", name: "Northgate Clinic", parentKey: "ACME-N" },
  { key: "ACME-N-2", name: "Hillview Clinic", parentKey: "ACME-N" },
  { key: "ACME-S-1", name: "Riverside Clinic", parentKey: "ACME-S" },
  { key: "ACME-S-2", name: "Harbour Clinic", parentKey: "ACME-S" },
];

/**
 * The demo's health records: metadata, then people enrolled where they are registered. Badjia
 * chiefdom enrols some people itself (an owner above every facility), so programs run there too.
 */
async function seedDemoRecords(tx: Transaction, tenantId: string): Promise<void> {
  const tree = await loadDemoTree(tx, tenantId);
  const runsAt = [...tree.facilities.map((facility) => facility.id), tree.idOf(BADJIA)];
  const metadata = await seedDemoPrograms(tx, tenantId, runsAt);
  await seedDemoPeople(tx, tenantId, tree, metadata);
}

/**
 * Seeds the `demo` and `acme` tenants; a tenant that exists already is left untouched. The demo
 * admin and auditor are enrolled in two-factor with the documented DEMO_TOTP_SECRET. The demo
 * tenant also gets programs and a few thousand people (db/seed/demo-people-plan.ts).
 */
export async function seedDemo(
  db: Database,
  options: { password: string; totpSecret: string; secretKey: string },
): Promise<string[]> {
  const users = demoUsers(createSecretBox(options.secretKey).seal(options.totpSecret));
  const specs: TenantSpec[] = [
    {
      slug: "demo",
      name: "Sierra Leone Ministry of Health (demo)",
      levels: ["National", "District", "Chiefdom", "Facility"],
      units: sierraLeoneUnits(),
      users: users.demo,
      populate: seedDemoRecords,
    },
    {
      slug: "acme",
      name: "Acme Clinics (demo)",
      levels: ["Company", "Region", "Clinic"],
      units: acmeUnits,
      users: users.acme,
    },
  ];
  const created: string[] = [];
  for (const spec of specs) {
    if (await provisionTenant(db, spec, options.password)) created.push(spec.slug);
  }
  // Fresh statistics after a bulk load: without them the planner misjudges how selective a
  // search value is and checks the record policies on thousands of rows instead of a few.
  if (created.length) await db.execute(sql`analyze`);
  return created;
}
