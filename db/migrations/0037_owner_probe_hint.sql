-- Hand-ordered (issue 7). Enrolments and events are judged by their carried owner unit against
-- the caller's scope-unit sets, hashed once per statement: right for a count, which reads most
-- rows, but a list walking the newest events of a region (10,000 units at size M) spent 3 ms of
-- its 9 building the set to pass ~450 rows, where looking each row's unit up by index costs
-- ~2 ms in all. The policies now hold both checks and take the probes when the transaction sets
-- app.probe_owner_units to 'on' (set_config(…, true), like the binding). The two are the same
-- rules — units under the capture roots, or under the search roots for open and audited
-- programs, or for protected ones under an active grant — so the hint changes the cost only.
CREATE OR REPLACE FUNCTION app_probe_owner_units() RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
BEGIN
  RETURN coalesce(current_setting('app.probe_owner_units', true), '') = 'on';
END
$$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_probe_owner_units() TO canopy_app;--> statement-breakpoint
ALTER POLICY "enrollment_scope_read" ON "enrollment" TO canopy_app USING ((select app_has_permission('accessAllRecords:trackedEntity')) or (select app_scope_covers_tree('capture'))
        or (case when (select app_probe_owner_units()) then (select u.path from org_unit u
          where u.tenant_id = enrollment.tenant_id and u.id = enrollment.owner_unit_id)
            <@ any ((select app_scope_paths('capture'))::ltree[])
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{open,audited}'))::uuid[]) and ((select app_scope_covers_tree('search')) or (select u.path from org_unit u
          where u.tenant_id = enrollment.tenant_id and u.id = enrollment.owner_unit_id)
            <@ any ((select app_scope_paths('search'))::ltree[])))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{protected}'))::uuid[]) and (select u.path from org_unit u
          where u.tenant_id = enrollment.tenant_id and u.id = enrollment.owner_unit_id)
            <@ any ((select app_scope_paths('search'))::ltree[]) and (tracked_entity_id, program_id) in (select g.tracked_entity_id, g.program_id from break_glass_grant g
          where g.tenant_id = (select app_current_tenant_id()) and g.user_id = (select app_current_user_id())
            and g.ended_at is null and g.expires_at > statement_timestamp())) else owner_unit_id in (select app_scope_unit_ids('capture'))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{open,audited}'))::uuid[]) and ((select app_scope_covers_tree('search')) or owner_unit_id in (select app_scope_unit_ids('search'))))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{protected}'))::uuid[]) and owner_unit_id in (select app_scope_unit_ids('search')) and (tracked_entity_id, program_id) in (select g.tracked_entity_id, g.program_id from break_glass_grant g
          where g.tenant_id = (select app_current_tenant_id()) and g.user_id = (select app_current_user_id())
            and g.ended_at is null and g.expires_at > statement_timestamp())) end));--> statement-breakpoint
ALTER POLICY "event_scope_read" ON "event" TO canopy_app USING ((select app_has_permission('accessAllRecords:trackedEntity')) or (select app_scope_covers_tree('capture'))
        or (case when (select app_probe_owner_units()) then (select u.path from org_unit u
          where u.tenant_id = event.tenant_id and u.id = event.owner_unit_id)
            <@ any ((select app_scope_paths('capture'))::ltree[])
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{open,audited}'))::uuid[]) and ((select app_scope_covers_tree('search')) or (select u.path from org_unit u
          where u.tenant_id = event.tenant_id and u.id = event.owner_unit_id)
            <@ any ((select app_scope_paths('search'))::ltree[])))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{protected}'))::uuid[]) and (select u.path from org_unit u
          where u.tenant_id = event.tenant_id and u.id = event.owner_unit_id)
            <@ any ((select app_scope_paths('search'))::ltree[]) and (tracked_entity_id, program_id) in (select g.tracked_entity_id, g.program_id from break_glass_grant g
          where g.tenant_id = (select app_current_tenant_id()) and g.user_id = (select app_current_user_id())
            and g.ended_at is null and g.expires_at > statement_timestamp())) else owner_unit_id in (select app_scope_unit_ids('capture'))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{open,audited}'))::uuid[]) and ((select app_scope_covers_tree('search')) or owner_unit_id in (select app_scope_unit_ids('search'))))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{protected}'))::uuid[]) and owner_unit_id in (select app_scope_unit_ids('search')) and (tracked_entity_id, program_id) in (select g.tracked_entity_id, g.program_id from break_glass_grant g
          where g.tenant_id = (select app_current_tenant_id()) and g.user_id = (select app_current_user_id())
            and g.ended_at is null and g.expires_at > statement_timestamp())) end));