import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { PERMISSIONS, permissionKey } from "@/server/access/permissions";
import { plantRecord } from "../fixtures/records";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { testDatabases } from "./databases";

/**
 * withTenant binds the request: app_bind resolves the user's scope and permissions once and the
 * policy helpers read them. A binding must never answer for anyone else, nor survive a change
 * to what it was resolved from within the same transaction.
 */
const { owner, runtime } = testDatabases();
let f: TenantFixture;

const one = async <T>(tx: unknown, query: ReturnType<typeof sql>) => {
  const [row] = await (tx as Database).execute<{ v: T }>(query);
  return row!.v;
};

beforeAll(async () => {
  f = await createTenantFixture(owner, "binding");
});

describe("the request binding", () => {
  it("answers like the live helpers for the bound user", async () => {
    await withTenant(runtime, { tenantId: f.id, userId: f.users.medic! }, async (tx) => {
      expect(await one<boolean>(tx, sql`select app_bound() as v`)).toBe(true);
      // Compared as sets: neither keeps an order.
      const bound = await one<string>(tx, sql`select array(select unnest(app_scope_paths('search')) order by 1)::text as v`);
      const live = await one<string>(tx, sql`select array(select unnest(app_scope_paths_now('search')) order by 1)::text as v`);
      expect(bound).toBe(live);
      expect(await one<boolean>(tx, sql`select app_has_permission('transferOwnership:enrollment') as v`)).toBe(true);
      expect(await one<boolean>(tx, sql`select app_has_permission('accessAllRecords:trackedEntity') as v`)).toBe(false);
      const pairs = await one<boolean>(tx, sql`select
          app_scope_paths('capture')::text = app_scope_paths_now('capture')::text
          and app_scope_covers_tree('capture') = app_scope_covers_tree_now('capture')
          and app_scope_covers_tree('search') = app_scope_covers_tree_now('search')
          and app_has_search_roots() = app_has_search_roots_now()
          and array(select unnest(app_program_ids('{open,audited}')) order by 1) = array(select unnest(app_program_ids_now('{open,audited}')) order by 1)
          and array(select unnest(app_program_ids('{protected}')) order by 1) = array(select unnest(app_program_ids_now('{protected}')) order by 1) as v`);
      expect(pairs).toBe(true);
      // A small scope is bound as its complete unit set: the same units the live paths cover.
      for (const kind of ["capture", "search"]) {
        const bound = await one<string>(tx, sql`select array(select unnest(app_scope_unit_set(${kind}::scope_kind)) order by 1)::text as v`);
        const live = await one<string>(tx, sql`select array(select u.id from org_unit u
            where u.tenant_id = ${f.id} and u.path <@ any(app_scope_paths_now(${kind}::scope_kind)) order by 1)::text as v`);
        expect(bound).toBe(live);
        expect(bound).not.toBe("{}");
      }
    });
  });

  it("decides the same reads and writes from bound unit sets as by looking each unit up", async () => {
    const units = ["north-a-1", "north-a-2", "south-a-1"].map((key) => f.units[key]!);
    const planted = await withTenant(owner, { tenantId: f.id }, async (tx) => {
      const ids: string[] = [];
      for (const unit of units) {
        for (const level of ["open", "protected", "closed"] as const) ids.push((await plantRecord(tx, f.id, f.records, level, unit)).personId);
        // Registered but never enrolled: judged by the registration unit alone.
        const [type] = await (tx as unknown as Database).execute<{ id: string }>(sql`select id from tracked_entity_type where tenant_id = ${f.id} limit 1`);
        const [person] = await (tx as unknown as Database).execute<{ id: string }>(
          sql`insert into tracked_entity (tenant_id, tracked_entity_type_id, registration_unit_id) values (${f.id}, ${type!.id}, ${unit}) returning id`,
        );
        ids.push(person!.id);
      }
      return ids;
    });
    const people = `{${planted.join(",")}}`;
    const pairsPlanted = await withTenant(owner, { tenantId: f.id }, (tx) =>
      (tx as unknown as Database).execute<{ person: string; program: string }>(
        sql`select tracked_entity_id as person, program_id as program from program_ownership where tenant_id = ${f.id} and tracked_entity_id = any(${people}::uuid[])`,
      ),
    );
    const decisions = (unbind: boolean) =>
      withTenant(runtime, { tenantId: f.id, userId: f.users.medic! }, async (tx) => {
        // Ending the binding makes every helper look each unit up instead.
        if (unbind) await (tx as unknown as Database).execute(sql`select set_config('app.bound_for', '', true)`);
        expect(await one<boolean>(tx, sql`select (app_scope_unit_set('capture') is not null and app_scope_unit_set('search') is not null) as v`)).toBe(!unbind);
        const readable = await one<string>(tx, sql`select array(select id from tracked_entity where id = any(${people}::uuid[]) order by 1)::text as v`);
        const writable = await one<string>(tx, sql`select array(select p || ':' || app_person_writable(${f.id}, p)
            from unnest(${people}::uuid[]) p order by 1)::text as v`);
        const pairs = await one<string>(tx, sql`select array(select p || '/' || g || ':' || app_pair_writable(${f.id}, p, g)
            from unnest(${`{${pairsPlanted.map((o) => o.person).join(",")}}`}::uuid[], ${`{${pairsPlanted.map((o) => o.program).join(",")}}`}::uuid[]) as o(p, g)
            order by 1)::text as v`);
        const inScope = await one<string>(tx, sql`select array(select u || ':' || app_unit_in_scope(${f.id}, u, 'capture') || ':' || app_unit_in_scope(${f.id}, u, 'search')
            from unnest(${`{${units.join(",")}}`}::uuid[]) u order by 1)::text as v`);
        return { readable, writable, pairs, inScope };
      });
    const fromSets = await decisions(false);
    expect(fromSets).toEqual(await decisions(true));
    // Capture (3 programs and the unenrolled) and search (open only) at North A; nothing at South.
    expect(fromSets.readable.split(",")).toHaveLength(6);
    expect(fromSets.writable.match(/:true/g)).toHaveLength(6);
    expect(fromSets.pairs.match(/:true/g)).toHaveLength(4);
    expect(fromSets.inScope.match(/:true/g)).toHaveLength(3);
  });

  it("answers like the live helpers for a user whose scope covers the whole tree", async () => {
    await withTenant(runtime, { tenantId: f.id, userId: f.users.admin! }, async (tx) => {
      expect(await one<boolean>(tx, sql`select app_scope_covers_tree('capture') and app_scope_covers_tree_now('capture') and app_has_permission('accessAllRecords:trackedEntity') as v`)).toBe(true);
    });
  });

  it("answers every permission, and whether all records are readable, like the live helpers", async () => {
    const keys = `{${PERMISSIONS.map(permissionKey).join(",")}}`;
    for (const user of ["medic", "admin", "southlead"]) {
      await withTenant(runtime, { tenantId: f.id, userId: f.users[user]! }, async (tx) => {
        const differ = await one<string[]>(tx, sql`select array(select k from unnest(${keys}::text[]) k
            where app_has_permission(k) is distinct from app_has_permission_now(k)) as v`);
        expect(differ).toEqual([]);
        const readsAll = await one<boolean>(tx, sql`select app_reads_all_records() = (app_has_permission_now('accessAllRecords:trackedEntity')
            or app_scope_covers_tree_now('capture')) as v`);
        expect(readsAll).toBe(true);
      });
    }
  });

  it("returns the permissions it bound, which the request's CASL ability is built from", async () => {
    for (const user of ["medic", "admin", "southlead"]) {
      const live = await withTenant(owner, { tenantId: f.id }, (tx) =>
        one<string[]>(tx, sql`select array(select distinct k from user_role ur join role r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
            cross join unnest(r.permissions) k where ur.tenant_id = ${f.id} and ur.user_id = ${f.users[user]!}) as v`),
      );
      const bound = await withTenant(runtime, { tenantId: f.id, userId: f.users[user]! }, async (_tx, b) => b.permissions);
      expect(live.length).toBeGreaterThan(0);
      // Both sorted here: the database's collation need not order keys as JavaScript does.
      expect([...bound].sort()).toEqual([...live].sort());
    }
  });

  it("returns no permissions for another tenant's user, nor without a user", async () => {
    const other = await createTenantFixture(owner, "binding-other");
    const theirAdmin = await withTenant(runtime, { tenantId: f.id, userId: other.users.admin! }, async (_tx, b) => b.permissions);
    expect(theirAdmin).toEqual([]);
    expect(await withTenant(runtime, { tenantId: f.id }, async (_tx, b) => b.permissions)).toEqual([]);
    // Bound to their own tenant, the same user has their roles' permissions.
    expect(await withTenant(runtime, { tenantId: other.id, userId: other.users.admin! }, async (_tx, b) => b.permissions)).toContain("accessAllRecords:trackedEntity");
  });

  it("does not let a crafted permission holding '|' pass for the keys inside it", async () => {
    await withTenant(owner, { tenantId: f.id, userId: f.users.medic! }, async (tx) => {
      const db = tx as unknown as Database;
      const [role] = await db.execute<{ id: string }>(sql`insert into role (tenant_id, name, permissions)
          values (${f.id}, 'crafted', array['x|accessAllRecords:trackedEntity|y', 'read:user|']) returning id`);
      await db.execute(sql`insert into user_role (tenant_id, user_id, role_id) values (${f.id}, ${f.users.medic!}, ${role!.id})`);
      const returned = await one<string[]>(tx, sql`select app_bind(${f.id}::uuid, ${f.users.medic!}::uuid) as v`);
      expect(returned.filter((key) => key.includes("|"))).toEqual([]);
      expect(returned).toContain("transferOwnership:enrollment");
      expect(await one<boolean>(tx, sql`select app_bound() as v`)).toBe(true);
      expect(await one<boolean>(tx, sql`select app_has_permission('accessAllRecords:trackedEntity') as v`)).toBe(false);
      expect(await one<boolean>(tx, sql`select app_has_permission('x') or app_has_permission('y') or app_has_permission('') as v`)).toBe(false);
      expect(await one<boolean>(tx, sql`select app_has_permission('|accessAllRecords:trackedEntity|') as v`)).toBe(false);
      expect(await one<boolean>(tx, sql`select app_reads_all_records() as v`)).toBe(false);
      // What the medic does hold is still found.
      expect(await one<boolean>(tx, sql`select app_has_permission('transferOwnership:enrollment') as v`)).toBe(true);
      throw new Error("roll back");
    }).catch((error: Error) => expect(error.message).toBe("roll back"));
  });

  it("does not answer for a user set later in the transaction", async () => {
    await withTenant(runtime, { tenantId: f.id, userId: f.users.medic! }, async (tx) => {
      await (tx as unknown as Database).execute(sql`select set_config('app.user_id', ${f.users.southlead!}, true)`);
      expect(await one<boolean>(tx, sql`select app_bound() as v`)).toBe(false);
      // The bound unit set answers for nobody once the binding no longer applies.
      expect(await one<boolean>(tx, sql`select app_scope_unit_set('capture') is null as v`)).toBe(true);
      expect(await one<string>(tx, sql`select app_scope_paths('capture')::text as v`)).toBe(await one<string>(tx, sql`select app_scope_paths_now('capture')::text as v`));
    });
  });

  it("ends when the transaction changes the user's scope, so a removed scope stops reading", async () => {
    const record = await withTenant(owner, { tenantId: f.id }, (tx) => plantRecord(tx, f.id, f.records, "open", f.units["north-a-1"]!));
    await withTenant(owner, { tenantId: f.id, userId: f.users.medic! }, async (tx) => {
      expect(await one<boolean>(tx, sql`select app_bound() as v`)).toBe(true);
      await (tx as unknown as Database).execute(sql`delete from user_scope where tenant_id = ${f.id} and user_id = ${f.users.medic!}`);
      expect(await one<boolean>(tx, sql`select app_bound() as v`)).toBe(false);
      expect(await one<string>(tx, sql`select app_scope_paths('capture')::text as v`)).toBe("{}");
      // Read as the runtime role inside the same transaction: nothing is left in scope.
      await (tx as unknown as Database).execute(sql`set local role canopy_app`);
      expect(await one<number>(tx, sql`select count(*)::int as v from tracked_entity where id = ${record.personId}`)).toBe(0);
      expect(await one<number>(tx, sql`select count(*)::int as v from event where tracked_entity_id = ${record.personId}`)).toBe(0);
      throw new Error("roll back");
    }).catch((error: Error) => expect(error.message).toBe("roll back"));
  });

  it("ends when a role loses a permission in the same transaction", async () => {
    await withTenant(owner, { tenantId: f.id, userId: f.users.medic! }, async (tx) => {
      expect(await one<boolean>(tx, sql`select app_has_permission('transferOwnership:enrollment') as v`)).toBe(true);
      await (tx as unknown as Database).execute(sql`update role set permissions = array_remove(permissions, 'transferOwnership:enrollment') where tenant_id = ${f.id} and key = 'supervisor'`);
      expect(await one<boolean>(tx, sql`select app_has_permission('transferOwnership:enrollment') as v`)).toBe(false);
      throw new Error("roll back");
    }).catch((error: Error) => expect(error.message).toBe("roll back"));
  });
});
