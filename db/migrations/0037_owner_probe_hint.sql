-- Hand-ordered (issue 7). Enrolments and events are judged by their carried owner unit against
-- the caller's scope-unit sets, hashed once per statement: right for a count, which reads most
-- rows, but a list walking the newest events of a region (10,000 units at size M) spent 5 ms of
-- its 8 building the set to pass ~450 rows. The policies now hold both checks and look each
-- row's owner unit up instead when the transaction sets app.probe_owner_units to 'on'
-- (set_config(…, true), like the binding). The two are the same rules — units under the capture
-- roots, or under the search roots for open and audited programs, or for protected ones under an
-- active grant — so the hint changes the cost only.
CREATE OR REPLACE FUNCTION app_probe_owner_units() RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
BEGIN
  RETURN coalesce(current_setting('app.probe_owner_units', true), '') = 'on';
END
$$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_probe_owner_units() TO canopy_app;--> statement-breakpoint
-- Whether a unit of the bound tenant lies under one of the roots: its path, found by primary key,
-- put under the roots the caller passes (read once per statement by the policy); false unbound.
--
-- A function, because a correlated subquery in the policy cannot run in a parallel worker and
-- would keep every count from running in parallel. SECURITY DEFINER, because as the caller the
-- lookup also ran org_unit's tenant-isolation policy, a second function call per row (11 → 6 µs
-- a row at M); the tenant is the bound one, so it answers only what the caller may read in
-- org_unit anyway. Every type and operator is named with its schema instead of a SET
-- search_path, which would cost every call a settings change (the caller could otherwise shadow
-- a type with a temporary one).
CREATE OR REPLACE FUNCTION app_unit_under(p_unit uuid, p_roots ltree[]) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER
  AS $$
DECLARE
  bound_tenant pg_catalog.text := pg_catalog.current_setting('app.tenant_id', true);
BEGIN
  IF bound_tenant IS NULL OR bound_tenant OPERATOR(pg_catalog.=) '' THEN
    RETURN false;
  END IF;
  RETURN (SELECT u.path OPERATOR(public.<@) ANY (p_roots) FROM public.org_unit u
           WHERE u.tenant_id OPERATOR(pg_catalog.=) bound_tenant::pg_catalog.uuid AND u.id OPERATOR(pg_catalog.=) p_unit);
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app_unit_under(uuid, ltree[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_unit_under(uuid, ltree[]) TO canopy_app;--> statement-breakpoint
ALTER POLICY "enrollment_scope_read" ON "enrollment" TO canopy_app USING ((select app_has_permission('accessAllRecords:trackedEntity')) or (select app_scope_covers_tree('capture'))
        or (case when (select app_probe_owner_units()) then app_unit_under(owner_unit_id, (select app_scope_paths('capture'))::ltree[])
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{open,audited}'))::uuid[]) and ((select app_scope_covers_tree('search')) or app_unit_under(owner_unit_id, (select app_scope_paths('search'))::ltree[])))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{protected}'))::uuid[]) and app_unit_under(owner_unit_id, (select app_scope_paths('search'))::ltree[]) and (tracked_entity_id, program_id) in (select g.tracked_entity_id, g.program_id from break_glass_grant g
          where g.tenant_id = (select app_current_tenant_id()) and g.user_id = (select app_current_user_id())
            and g.ended_at is null and g.expires_at > statement_timestamp())) else owner_unit_id in (select app_scope_unit_ids('capture'))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{open,audited}'))::uuid[]) and ((select app_scope_covers_tree('search')) or owner_unit_id in (select app_scope_unit_ids('search'))))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{protected}'))::uuid[]) and owner_unit_id in (select app_scope_unit_ids('search')) and (tracked_entity_id, program_id) in (select g.tracked_entity_id, g.program_id from break_glass_grant g
          where g.tenant_id = (select app_current_tenant_id()) and g.user_id = (select app_current_user_id())
            and g.ended_at is null and g.expires_at > statement_timestamp())) end));--> statement-breakpoint
ALTER POLICY "event_scope_read" ON "event" TO canopy_app USING ((select app_has_permission('accessAllRecords:trackedEntity')) or (select app_scope_covers_tree('capture'))
        or (case when (select app_probe_owner_units()) then app_unit_under(owner_unit_id, (select app_scope_paths('capture'))::ltree[])
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{open,audited}'))::uuid[]) and ((select app_scope_covers_tree('search')) or app_unit_under(owner_unit_id, (select app_scope_paths('search'))::ltree[])))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{protected}'))::uuid[]) and app_unit_under(owner_unit_id, (select app_scope_paths('search'))::ltree[]) and (tracked_entity_id, program_id) in (select g.tracked_entity_id, g.program_id from break_glass_grant g
          where g.tenant_id = (select app_current_tenant_id()) and g.user_id = (select app_current_user_id())
            and g.ended_at is null and g.expires_at > statement_timestamp())) else owner_unit_id in (select app_scope_unit_ids('capture'))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{open,audited}'))::uuid[]) and ((select app_scope_covers_tree('search')) or owner_unit_id in (select app_scope_unit_ids('search'))))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{protected}'))::uuid[]) and owner_unit_id in (select app_scope_unit_ids('search')) and (tracked_entity_id, program_id) in (select g.tracked_entity_id, g.program_id from break_glass_grant g
          where g.tenant_id = (select app_current_tenant_id()) and g.user_id = (select app_current_user_id())
            and g.ended_at is null and g.expires_at > statement_timestamp())) end));