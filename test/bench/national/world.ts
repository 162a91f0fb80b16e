import type postgres from "postgres";
import { specialisedFor, type Specialised } from "@/db/runtime-pools";
import { personas, type Persona } from "./fixtures";
import type { SizeSpec } from "./sizes";

export type AccessLevel = "open" | "audited" | "protected" | "closed";

/**
 * A persona as stored: its user id, the paths of its scope roots, and the specialised runtime
 * role the app runs its requests on, chosen from its binding as db/runtime-pools.ts chooses (null:
 * the scoped role).
 */
export type User = Persona & {
  userId: string;
  capturePaths: string[];
  searchPaths: string[];
  allRecords: boolean;
  nationalRoot: boolean;
  pool: Specialised | null;
};

/** What the queries need to know about the generated tenant, read once from the database. */
export type World = {
  tenantId: string;
  spec: SizeSpec;
  users: Record<string, User>;
  programs: { id: string; name: string; level: AccessLevel }[];
  attributes: { nationalId: string; lastName: string; firstName: string; personType: string };
  unit: (code: string) => Promise<{ id: string; path: string }>;
};

export async function loadWorld(owner: postgres.Sql, tenantId: string, spec: SizeSpec): Promise<World> {
  const unit = async (code: string) => {
    const [row] = await owner<{ id: string; path: string }[]>`select id, path::text from org_unit where tenant_id = ${tenantId} and code = ${code}`;
    if (!row) throw new Error(`No unit ${code} in the bench tenant`);
    return row;
  };
  const users: Record<string, User> = {};
  for (const persona of personas(spec)) {
    const [account] = await owner<{ id: string; all: boolean }[]>`
      select a.id, bool_or('accessAllRecords:trackedEntity' = any(r.permissions)) as all
      from user_account a join user_role ur on ur.tenant_id = a.tenant_id and ur.user_id = a.id
      join role r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
      where a.tenant_id = ${tenantId} and a.email = ${`persona-${persona.key}@bench.test`} group by a.id`;
    if (!account) throw new Error(`Persona ${persona.key} is missing from the bench tenant`);
    const capturePaths = await Promise.all(persona.capture.map(async (code) => (await unit(code)).path));
    const searchPaths = await Promise.all(persona.search.map(async (code) => (await unit(code)).path));
    const pool = await owner.begin(async (tx) => {
      await tx`select app_bind(${tenantId}::uuid, ${account.id}::uuid)`;
      const [row] = await tx<{ readsAllRecords: boolean; readsByUnitSets: boolean }[]>`
        select app_reads_all_records() as "readsAllRecords", app_reads_by_unit_sets() as "readsByUnitSets"`;
      return specialisedFor(row!);
    });
    users[persona.key] = { ...persona, userId: account.id, capturePaths, searchPaths, allRecords: account.all, nationalRoot: persona.capture.includes("N"), pool };
  }
  const programs = await owner<{ id: string; name: string; level: AccessLevel }[]>`
    select id, name, access_level::text as level from program where tenant_id = ${tenantId} order by name`;
  const [attributes] = await owner<World["attributes"][]>`
    select t.id as "personType",
           (select id from tracked_entity_attribute where tenant_id = t.tenant_id and tracked_entity_type_id = t.id and name = 'National ID') as "nationalId",
           (select id from tracked_entity_attribute where tenant_id = t.tenant_id and tracked_entity_type_id = t.id and name = 'Last name') as "lastName",
           (select id from tracked_entity_attribute where tenant_id = t.tenant_id and tracked_entity_type_id = t.id and name = 'First name') as "firstName"
    from tracked_entity_type t where t.tenant_id = ${tenantId} and t.name = 'Person'`;
  return { tenantId, spec, users, programs: [...programs], attributes: attributes!, unit };
}

export const programIds = (world: World, ...levels: AccessLevel[]) => world.programs.filter((p) => levels.includes(p.level)).map((p) => p.id);
