import { sql } from "drizzle-orm";
import { index, pgPolicy, pgTable, primaryKey, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { LOCAL_RUNTIME_ROLE, RUNTIME_ROLE } from "./runtime-roles";
import { tenantIsolation, tenantKey, textC } from "./rls";
import { captureSet, readsAllRecords, wholeTreeRead } from "./tracked-entity";

/**
 * A person's free-text value (the ones searched by prefix), filed under each unit that holds the
 * person: the owner of each of their programs, or their registration unit while they were never
 * enrolled — the units whose capture scope the person is in. Derived, never written by a runtime
 * role: triggers keep it equal to the values and ownerships in the same transaction
 * (db/migrations/0055). Keyed by unit id, not path, so moving a subtree rewrites none of it.
 *
 * Why it exists: a search held to a mid-size capture scope (a district) walked the whole
 * country's name index and judged each match by the person's policies, about 79 of 80 of them
 * to be dropped (30 ms at 200k people, 60 ms at 2M). Filed by unit, the scope's own matches are
 * read directly: one short index range per unit of the scope.
 */
export const unitSearchValue = pgTable(
  "unit_search_value",
  {
    ...tenantKey(),
    unitId: uuid().notNull(),
    attributeId: uuid().notNull(),
    searchValue: textC().notNull(),
    trackedEntityId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // What the triggers find a person's entries by (and refuse duplicates with).
    uniqueIndex("unit_search_value_person").on(t.tenantId, t.trackedEntityId, t.attributeId, t.unitId),
    // A scope's matches: per unit, in value order, ending with the person like the value index.
    index("unit_search_value_search").on(t.tenantId, t.attributeId, t.unitId, t.searchValue, t.trackedEntityId),
    tenantIsolation(),
    // An entry is filed under a unit in the caller's capture scope, whose every person the caller
    // reads (the program_ownership policy admits any owner in the capture scope): the small scope's
    // bound set, else the scope's units hashed once per statement.
    pgPolicy("unit_search_value_scope_read", {
      as: "restrictive",
      for: "select",
      to: RUNTIME_ROLE,
      using: sql`${readsAllRecords}
        or unit_id = any (${captureSet})
        or unit_id in (select app_scope_unit_ids('capture'))`,
    }),
    wholeTreeRead("unit_search_value"),
    pgPolicy("unit_search_value_unit_set_read", { as: "restrictive", for: "select", to: LOCAL_RUNTIME_ROLE, using: sql`unit_id = any (${captureSet})` }),
  ],
);
