-- Measured at size S (issue 7): the scope-unit sets of the enrolment and event policies read every
-- org unit (a GiST index cannot serve `path <@ any(array)`), 5 ms per statement at 10k units; each
-- root is now expanded through the path index. The search index ends with the person, so a page of
-- a common name is read in order and stops after its rows.
DROP INDEX "attribute_value_search";--> statement-breakpoint
CREATE INDEX "attribute_value_search" ON "tracked_entity_attribute_value" USING btree ("tenant_id","attribute_id","search_value","tracked_entity_id");--> statement-breakpoint
ALTER POLICY "enrollment_scope_read" ON "enrollment" TO canopy_app USING ((select app_has_permission('accessAllRecords:trackedEntity')) or (select app_scope_covers_tree('capture'))
        or owner_unit_id in (select u.id from unnest((select app_scope_paths('capture'))) as r(root)
    join org_unit u on u.path <@ r.root
    where u.tenant_id = (select app_current_tenant_id()))
        or (program_id = any((select app_program_ids('{open,audited}'))::uuid[])
            and ((select app_scope_covers_tree('search')) or owner_unit_id in (select u.id from unnest((select app_scope_paths('search'))) as r(root)
    join org_unit u on u.path <@ r.root
    where u.tenant_id = (select app_current_tenant_id()))))
        or (program_id = any((select app_program_ids('{protected}'))::uuid[])
            and owner_unit_id in (select u.id from unnest((select app_scope_paths('search'))) as r(root)
    join org_unit u on u.path <@ r.root
    where u.tenant_id = (select app_current_tenant_id())) and exists (select 1 from break_glass_grant g
                         where g.tenant_id = enrollment.tenant_id and g.user_id = (select app_current_user_id())
                           and g.tracked_entity_id = enrollment.tracked_entity_id and g.program_id = enrollment.program_id
                           and g.ended_at is null and g.expires_at > statement_timestamp())));--> statement-breakpoint
ALTER POLICY "event_scope_read" ON "event" TO canopy_app USING ((select app_has_permission('accessAllRecords:trackedEntity')) or (select app_scope_covers_tree('capture'))
        or owner_unit_id in (select u.id from unnest((select app_scope_paths('capture'))) as r(root)
    join org_unit u on u.path <@ r.root
    where u.tenant_id = (select app_current_tenant_id()))
        or (program_id = any((select app_program_ids('{open,audited}'))::uuid[])
            and ((select app_scope_covers_tree('search')) or owner_unit_id in (select u.id from unnest((select app_scope_paths('search'))) as r(root)
    join org_unit u on u.path <@ r.root
    where u.tenant_id = (select app_current_tenant_id()))))
        or (program_id = any((select app_program_ids('{protected}'))::uuid[])
            and owner_unit_id in (select u.id from unnest((select app_scope_paths('search'))) as r(root)
    join org_unit u on u.path <@ r.root
    where u.tenant_id = (select app_current_tenant_id())) and exists (select 1 from break_glass_grant g
                         where g.tenant_id = event.tenant_id and g.user_id = (select app_current_user_id())
                           and g.tracked_entity_id = event.tracked_entity_id and g.program_id = event.program_id
                           and g.ended_at is null and g.expires_at > statement_timestamp())));