-- Measured at size S (issue 7). The scope-unit sets of the enrolment and event policies read every
-- org unit per statement (5 ms at 10k units): under RLS, `path <@ root` is not leakproof, so no
-- index on org_unit could serve it. Units now carry path_key (the path as byte-wise text) and a
-- scope root is the key range [path, path || '/'), read from a B-tree with leakproof comparisons.
-- The search index ends with the person, so a page of a common name is read in order and stops
-- after its rows. Active grants are an uncorrelated set (a correlated EXISTS kept large counts
-- from running in parallel). An attribute value is judged by its person's readable ownership
-- first (one hop), then by the person row.
DROP INDEX IF EXISTS "attribute_value_search";--> statement-breakpoint
ALTER TABLE "org_unit" ADD COLUMN IF NOT EXISTS "path_key" text collate "C" GENERATED ALWAYS AS (path::text) STORED;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "org_unit_tenant_id_path_key_index" ON "org_unit" USING btree ("tenant_id","path_key");--> statement-breakpoint
CREATE INDEX "attribute_value_search" ON "tracked_entity_attribute_value" USING btree ("tenant_id","attribute_id","search_value","tracked_entity_id");--> statement-breakpoint
ALTER POLICY "attribute_value_scope_read" ON "tracked_entity_attribute_value" TO canopy_app USING (exists (select 1 from program_ownership o
                         where o.tenant_id = tracked_entity_attribute_value.tenant_id
                           and o.tracked_entity_id = tracked_entity_attribute_value.tracked_entity_id)
        or exists (select 1 from tracked_entity p
                   where p.tenant_id = tracked_entity_attribute_value.tenant_id
                     and p.id = tracked_entity_attribute_value.tracked_entity_id));--> statement-breakpoint
-- The units of the caller's scope of a kind. Each root is read as a path_key range [lo, hi) with
-- bound values, which the planner serves from the B-tree (a join on the ranges was estimated at a
-- third of the tree per root and read every unit).
CREATE OR REPLACE FUNCTION app_scope_unit_ids(p_kind scope_kind) RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  root ltree;
  lo text;
  hi text;
BEGIN
  FOREACH root IN ARRAY app_scope_paths(p_kind) LOOP
    lo := root::text;
    hi := lo || '/';
    RETURN QUERY SELECT u.id FROM org_unit u
      WHERE u.tenant_id = app_current_tenant_id() AND u.path_key >= lo AND u.path_key < hi;
  END LOOP;
END
$$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_scope_unit_ids(scope_kind) TO canopy_app;--> statement-breakpoint
-- Whether the caller has search-scope roots of their own; without, the effective search scope is
-- the capture scope and the policies skip their search branches (and the sets they would build).
CREATE OR REPLACE FUNCTION app_has_search_roots() RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM user_scope s
    WHERE s.tenant_id = app_current_tenant_id() AND s.user_id = app_current_user_id() AND s.kind = 'search');
END
$$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_has_search_roots() TO canopy_app;--> statement-breakpoint
ALTER POLICY "enrollment_scope_read" ON "enrollment" TO canopy_app USING ((select app_has_permission('accessAllRecords:trackedEntity')) or (select app_scope_covers_tree('capture'))
        or owner_unit_id in (select app_scope_unit_ids('capture'))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{open,audited}'))::uuid[])
            and ((select app_scope_covers_tree('search')) or owner_unit_id in (select app_scope_unit_ids('search'))))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{protected}'))::uuid[])
            and owner_unit_id in (select app_scope_unit_ids('search')) and (tracked_entity_id, program_id) in (select g.tracked_entity_id, g.program_id from break_glass_grant g
          where g.tenant_id = (select app_current_tenant_id()) and g.user_id = (select app_current_user_id())
            and g.ended_at is null and g.expires_at > statement_timestamp())));--> statement-breakpoint
ALTER POLICY "event_scope_read" ON "event" TO canopy_app USING ((select app_has_permission('accessAllRecords:trackedEntity')) or (select app_scope_covers_tree('capture'))
        or owner_unit_id in (select app_scope_unit_ids('capture'))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{open,audited}'))::uuid[])
            and ((select app_scope_covers_tree('search')) or owner_unit_id in (select app_scope_unit_ids('search'))))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{protected}'))::uuid[])
            and owner_unit_id in (select app_scope_unit_ids('search')) and (tracked_entity_id, program_id) in (select g.tracked_entity_id, g.program_id from break_glass_grant g
          where g.tenant_id = (select app_current_tenant_id()) and g.user_id = (select app_current_user_id())
            and g.ended_at is null and g.expires_at > statement_timestamp())));