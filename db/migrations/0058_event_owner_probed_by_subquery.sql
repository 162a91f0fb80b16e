-- Hand-ordered (issue 7). A list walking the newest events of a wide scope asks the policies to
-- look each row's owner unit up (app.probe_owner_units, 0037), and for a region at size M that
-- lookup was most of the list: app_unit_under runs its query through SPI on every call, ~6.5 µs
-- a row, ~3 ms of a 4 ms page that passes ~460 events (the floor memoizes its lookups).
-- For events the lookup is now a correlated subquery on org_unit's primary key, which the
-- executor keeps open from row to row (~2.5 µs a row). The region's page at M, p50, alternating
-- the two policies (two runs each): 4.65 and 3.95 → 1.68 and 1.73 ms, the next page 4.43 and
-- 3.49 → 1.61 and 1.77 ms; the floor's 2.5–3.7 ms. The rule is the same: the owner unit's path
-- under the bound roots, in the bound tenant (the subquery also reads org_unit under its
-- tenant-isolation policy). Its price: a correlated subquery cannot run in a parallel worker, so
-- a statement on event under a scoped role no longer runs in parallel (on PostgreSQL 16 and
-- later; 15 runs no plan holding the policies' (select …) init plans in parallel). No request
-- reads events in bulk (they are read by enrolment and person); enrollment, which the counts
-- read, keeps the function and its parallel plans.
ALTER POLICY "event_scope_read" ON "event" TO canopy_app,canopy_app_local USING ((select app_has_permission('accessAllRecords:trackedEntity')) or (select app_scope_covers_tree('capture'))
        or (case when (select app_probe_owner_units()) then (select u.path <@ any((select app_scope_paths('capture'))::ltree[]) from org_unit u where u.tenant_id = event.tenant_id and u.id = event.owner_unit_id)
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{open,audited}'))::uuid[]) and ((select app_scope_covers_tree('search')) or (select u.path <@ any((select app_scope_paths('search'))::ltree[]) from org_unit u where u.tenant_id = event.tenant_id and u.id = event.owner_unit_id)))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{protected}'))::uuid[]) and (select u.path <@ any((select app_scope_paths('search'))::ltree[]) from org_unit u where u.tenant_id = event.tenant_id and u.id = event.owner_unit_id) and (tracked_entity_id, program_id) in (select g.tracked_entity_id, g.program_id from break_glass_grant g
          where g.tenant_id = (select app_current_tenant_id()) and g.user_id = (select app_current_user_id())
            and g.ended_at is null and g.expires_at > statement_timestamp())) else owner_unit_id in (select app_scope_unit_ids('capture'))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{open,audited}'))::uuid[]) and ((select app_scope_covers_tree('search')) or owner_unit_id in (select app_scope_unit_ids('search'))))
        or ((select app_has_search_roots()) and program_id = any((select app_program_ids('{protected}'))::uuid[]) and owner_unit_id in (select app_scope_unit_ids('search')) and (tracked_entity_id, program_id) in (select g.tracked_entity_id, g.program_id from break_glass_grant g
          where g.tenant_id = (select app_current_tenant_id()) and g.user_id = (select app_current_user_id())
            and g.ended_at is null and g.expires_at > statement_timestamp())) end));