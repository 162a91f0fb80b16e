import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { userAccount } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { abilityFor } from "@/server/access/ability";
import type { ProtectedContext } from "@/server/trpc/init";
import { getHandler } from "@/server/trpc/routers/record/get.handler";
import { searchHandler } from "@/server/trpc/routers/record/search.handler";
import { time, type Timing } from "./stats";

/**
 * Record reads and searches on the demo tenant (3,000 people), through the handlers themselves,
 * each in its own runtime-role transaction with RLS on — what a request costs minus HTTP.
 */
export async function benchRecords(owner: Database, runtime: Database, tenantId: string): Promise<Timing[]> {
  const bind = { tenantId };
  const userId = async (email: string) =>
    (await withTenant(owner, bind, (tx) => tx.select().from(userAccount).where(and(eq(userAccount.tenantId, tenantId), eq(userAccount.email, email)))))[0]!.id;
  const as = (who: string) => async <T>(work: (ctx: ProtectedContext) => Promise<T>) =>
    withTenant(runtime, { tenantId, userId: who }, async (tx, bound) => {
      const ctx = {
        tenant: { id: tenantId, slug: "demo", name: "Demo" },
        session: { userId: who, sessionId: crypto.randomUUID(), tenantId, stage: "active", name: "Bench", email: "bench@demo.test" },
        meta: { ip: null, userAgent: "bench" },
        requestId: "bench",
        db: tx,
        ability: abilityFor(bound.permissions),
        metadataVersion: bound.metadataVersion,
      } as ProtectedContext;
      return work(ctx);
    });
  const [nurse, district, admin] = [as(await userId("nurse@demo.test")), as(await userId("district@demo.test")), as(await userId("admin@demo.test"))];
  const [meta] = await withTenant(owner, bind, (tx) =>
    tx.execute<{ type_id: string; national_id: string; last_name: string; first_name: string }>(sql`
      select t.id as type_id,
             (select id from tracked_entity_attribute where tenant_id = t.tenant_id and tracked_entity_type_id = t.id and name = 'National ID') as national_id,
             (select id from tracked_entity_attribute where tenant_id = t.tenant_id and tracked_entity_type_id = t.id and name = 'Last name') as last_name,
             (select id from tracked_entity_attribute where tenant_id = t.tenant_id and tracked_entity_type_id = t.id and name = 'First name') as first_name
      from tracked_entity_type t where t.tenant_id = ${tenantId} and t.name = 'Person'`),
  );
  const [ngelehunPerson] = await withTenant(owner, bind, (tx) =>
    tx.execute<{ id: string; national_id: string }>(sql`
      select o.tracked_entity_id as id, v.value as national_id from program_ownership o
      join org_unit u on u.tenant_id = o.tenant_id and u.id = o.owner_unit_id and u.code = 'DiszpKrYNg8'
      join tracked_entity_attribute_value v on v.tenant_id = o.tenant_id and v.tracked_entity_id = o.tracked_entity_id and v.attribute_id = ${meta!.national_id}
      where o.tenant_id = ${tenantId} order by o.tracked_entity_id limit 1`),
  );
  const search = (criteria: { attributeId: string; value: string }[]) => ({ trackedEntityTypeId: meta!.type_id, criteria, limit: 25 });
  return [
    await time("nurse opens a record (record.get, audited)", 300, () => nurse((ctx) => getHandler({ ctx, input: { personId: ngelehunPerson!.id } }))),
    await time("admin opens a record (all-records path)", 300, () => admin((ctx) => getHandler({ ctx, input: { personId: ngelehunPerson!.id } }))),
    await time("nurse searches by National ID (search scope + protected stubs)", 300, () =>
      nurse((ctx) => searchHandler({ ctx, input: search([{ attributeId: meta!.national_id, value: ngelehunPerson!.national_id }]) })),
    ),
    await time("nurse searches a last-name prefix (capture scope only)", 300, () =>
      nurse((ctx) => searchHandler({ ctx, input: search([{ attributeId: meta!.last_name, value: "k" }]) })),
    ),
    await time("district officer: last name + first-name prefix (Bo, first page)", 300, () =>
      district((ctx) => searchHandler({ ctx, input: search([{ attributeId: meta!.last_name, value: "k" }, { attributeId: meta!.first_name, value: "a" }]) })),
    ),
  ];
}
