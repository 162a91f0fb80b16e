import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDatabases } from "./databases";

/**
 * Every index costs each insert a write (and, after a checkpoint, a page in the WAL): a plain
 * B-tree index whose columns lead another B-tree index on the same table, in the same order and
 * directions, serves no read the longer one does not. Unique and partial indexes are exempt: they
 * enforce or select something the longer index does not.
 */
const { owner } = testDatabases();

describe("indexes", () => {
  it("none is a leading part of another on the same table", async () => {
    const redundant = await owner.execute<{ redundant: string; covered_by: string }>(sql`
      with btree as (
        -- int2vector casts to an array indexed from 0; slices (below) are indexed from 1, and
        -- arrays are equal only with the same bounds, so both sides of a comparison are sliced.
        select i.indexrelid, i.indrelid, i.indisunique, i.indpred, i.indkey::int2[] as keys, i.indoption::int2[] as options
        from pg_index i
        join pg_class ic on ic.oid = i.indexrelid
        join pg_am am on am.oid = ic.relam and am.amname = 'btree'
        join pg_class tc on tc.oid = i.indrelid
        join pg_namespace n on n.oid = tc.relnamespace and n.nspname = 'public'
        where i.indexprs is null
      )
      select a.indexrelid::regclass::text as redundant, b.indexrelid::regclass::text as covered_by
      from btree a
      join btree b on b.indrelid = a.indrelid and b.indexrelid <> a.indexrelid and b.indpred is null
      where not a.indisunique and a.indpred is null
        and cardinality(a.keys) <= cardinality(b.keys)
        and a.keys[0:cardinality(a.keys) - 1] = b.keys[0:cardinality(a.keys) - 1]
        and a.options[0:cardinality(a.keys) - 1] = b.options[0:cardinality(a.keys) - 1]`);
    expect(redundant).toEqual([]);
  });
});
