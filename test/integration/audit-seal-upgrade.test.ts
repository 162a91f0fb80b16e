import { randomUUID } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/db/migrator";
import { withDatabaseName } from "@/db/urls";

/**
 * Migration 0046 moves each audit event's seal (number, previous hash, hash) out of the event's
 * row into audit_seal. A deployment upgrading with a sealed trail must keep every seal as it was,
 * so that its chain still verifies and goes on from where it stood. Checked on a database of its
 * own, migrated through 0045 first.
 */
const MIGRATIONS = path.join(import.meta.dirname, "../../db/migrations");
const LAST_BEFORE_SEAL_TABLE = 45;
const database = `canopy_upgrade_${process.pid}`;
const maintenanceUrl = withDatabaseName(process.env.DATABASE_URL!, "postgres");
const url = withDatabaseName(process.env.DATABASE_URL!, database);
let folder: string;
let sql: postgres.Sql;

/** The migrations folder as it stood before 0046: the same files, a journal that ends at 0045. */
function migrationsThrough(idx: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "canopy-migrations-"));
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, "meta", "_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= idx);
  mkdirSync(path.join(dir, "meta"));
  writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify(journal));
  for (const entry of journal.entries) cpSync(path.join(MIGRATIONS, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  return dir;
}

async function onMaintenance(work: (admin: postgres.Sql) => Promise<unknown>) {
  const admin = postgres(maintenanceUrl, { max: 1, onnotice: () => {} });
  try {
    await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

beforeAll(async () => {
  await onMaintenance(async (admin) => {
    await admin`drop database if exists ${admin(database)}`;
    await admin`create database ${admin(database)}`;
  });
  folder = migrationsThrough(LAST_BEFORE_SEAL_TABLE);
  sql = postgres(url, { max: 1, onnotice: () => {} });
  await migrate(drizzle(sql), { migrationsFolder: folder });
}, 180_000);

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  if (folder) rmSync(folder, { recursive: true, force: true });
  await onMaintenance((admin) => admin`drop database if exists ${admin(database)} with (force)`);
});

/** Two events per transaction, as the tenant's owner would write them; 0030's trigger seals them at commit. */
async function appendEvents(tenantId: string, transactions: number, action: string) {
  for (let n = 0; n < transactions; n++) {
    await sql.begin(async (tx) => {
      await tx`select set_config('app.tenant_id', ${tenantId}, true)`;
      await tx`insert into audit_event (tenant_id, action, details)
               values (${tenantId}, ${action}, ${JSON.stringify({ n })}::jsonb), (${tenantId}, ${action}, ${JSON.stringify({ n, second: true })}::jsonb)`;
    });
  }
}

const verify = async (tenantId: string) => (await sql`select checked::int, broken_seq, problem from audit_verify_chain(${tenantId})`)[0];

describe("upgrading a sealed audit trail to seals of their own (migration 0046)", () => {
  it("carries every seal across unchanged, so each chain still verifies and goes on where it stood", async () => {
    const tenants = [randomUUID(), randomUUID()];
    for (const [i, id] of tenants.entries()) await sql`insert into tenant (id, slug, name) values (${id}, ${`upgrade-${i}`}, ${`Upgrade ${i}`})`;
    for (const id of tenants) await appendEvents(id, 3, "test.before-upgrade");
    const before = await sql`select tenant_id, id, seq::int, prev_hash, hash from audit_event order by tenant_id, seq`;
    expect(before).toHaveLength(12);
    expect(before.every((event) => event.seq > 0 && /^[0-9a-f]{64}$/.test(event.hash))).toBe(true);

    await migrateDatabase(url, process.env.DATABASE_APP_PASSWORD!);

    const seals = await sql`select tenant_id, event_id as id, seq::int, prev_hash, hash from audit_seal order by tenant_id, seq`;
    expect(seals).toEqual(before);
    // Everything sealed before the trail had lanes (0047) is lane 0.
    expect(await sql`select distinct lane::int from audit_seal`).toEqual([{ lane: 0 }]);
    for (const id of tenants) expect(await verify(id)).toEqual({ checked: 6, broken_seq: null, problem: null });
    await appendEvents(tenants[0]!, 1, "test.after-upgrade");
    expect(await verify(tenants[0]!)).toEqual({ checked: 8, broken_seq: null, problem: null });
    const [after] = await sql`select max(seq)::int as seq from audit_seal where tenant_id = ${tenants[0]!}`;
    expect(after!.seq).toBe(8);
  });
});
