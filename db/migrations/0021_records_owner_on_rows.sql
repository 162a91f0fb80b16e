-- Enrolments and events carry their (person, program) owner, so their read policies judge the row
-- itself instead of an EXISTS on program_ownership per row (issue 7: lists and counts were 14–25×
-- the floor). Generated parts edited by hand: the columns are filled before NOT NULL (RLS lifted
-- for the table owner meanwhile, so a non-superuser owner sees every tenant's rows), and the
-- helper and triggers that keep the copy right follow the generated statements.
ALTER TABLE "enrollment" ADD COLUMN "owner_unit_id" uuid DEFAULT null;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "owner_unit_id" uuid DEFAULT null;--> statement-breakpoint
ALTER TABLE enrollment NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE event NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE program_ownership NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE enrollment e SET owner_unit_id = o.owner_unit_id FROM program_ownership o
 WHERE o.tenant_id = e.tenant_id AND o.tracked_entity_id = e.tracked_entity_id AND o.program_id = e.program_id;--> statement-breakpoint
UPDATE event e SET owner_unit_id = o.owner_unit_id FROM program_ownership o
 WHERE o.tenant_id = e.tenant_id AND o.tracked_entity_id = e.tracked_entity_id AND o.program_id = e.program_id;--> statement-breakpoint
ALTER TABLE enrollment FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE event FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE program_ownership FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "enrollment" ALTER COLUMN "owner_unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "event" ALTER COLUMN "owner_unit_id" SET NOT NULL;--> statement-breakpoint
-- Whether the caller's scope of a kind covers every root of the tenant's tree, i.e. every unit:
-- the policies then skip building the set of the scope's units.
CREATE OR REPLACE FUNCTION app_scope_covers_tree(p_kind scope_kind) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, public
  AS $$
    SELECT NOT EXISTS (
      SELECT 1 FROM org_unit u
      WHERE u.tenant_id = app_current_tenant_id() AND u.parent_id IS NULL
        AND NOT (u.path <@ ANY (app_scope_paths(p_kind))))
  $$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_scope_covers_tree(scope_kind) TO canopy_app;--> statement-breakpoint
-- A new enrolment or event takes its pair's owner, whatever the caller sent. SECURITY DEFINER:
-- the pair exists (foreign key) and is the caller's to write (insert policy), but the owner's
-- row is read whatever the caller's read scope.
CREATE OR REPLACE FUNCTION record_copy_owner() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  SELECT o.owner_unit_id INTO NEW.owner_unit_id FROM program_ownership o
   WHERE o.tenant_id = NEW.tenant_id AND o.tracked_entity_id = NEW.tracked_entity_id AND o.program_id = NEW.program_id;
  RETURN NEW;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION record_copy_owner() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER enrollment_copy_owner BEFORE INSERT ON enrollment
  FOR EACH ROW EXECUTE FUNCTION record_copy_owner();--> statement-breakpoint
CREATE TRIGGER event_copy_owner BEFORE INSERT ON event
  FOR EACH ROW EXECUTE FUNCTION record_copy_owner();--> statement-breakpoint
-- A transfer moves the pair's enrolments and events with it, in the same transaction.
-- SECURITY DEFINER: the runtime role may not change owner_unit_id, and the rows may leave its sight.
CREATE OR REPLACE FUNCTION program_ownership_propagate_owner() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  UPDATE enrollment SET owner_unit_id = NEW.owner_unit_id
   WHERE tenant_id = NEW.tenant_id AND tracked_entity_id = NEW.tracked_entity_id AND program_id = NEW.program_id;
  UPDATE event SET owner_unit_id = NEW.owner_unit_id
   WHERE tenant_id = NEW.tenant_id AND tracked_entity_id = NEW.tracked_entity_id AND program_id = NEW.program_id;
  RETURN NULL;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION program_ownership_propagate_owner() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER program_ownership_propagate_owner AFTER UPDATE OF owner_unit_id ON program_ownership
  FOR EACH ROW WHEN (NEW.owner_unit_id IS DISTINCT FROM OLD.owner_unit_id)
  EXECUTE FUNCTION program_ownership_propagate_owner();--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_tenant_id_owner_unit_id_org_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_unit_id") REFERENCES "public"."org_unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_tenant_id_owner_unit_id_org_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_unit_id") REFERENCES "public"."org_unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrollment_tenant_id_owner_unit_id_program_id_index" ON "enrollment" USING btree ("tenant_id","owner_unit_id","program_id");--> statement-breakpoint
CREATE INDEX "event_tenant_id_occurred_on_id_index" ON "event" USING btree ("tenant_id","occurred_on" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "event_tenant_id_owner_unit_id_occurred_on_id_index" ON "event" USING btree ("tenant_id","owner_unit_id","occurred_on" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
ALTER POLICY "enrollment_scope_read" ON "enrollment" TO canopy_app USING ((select app_has_permission('accessAllRecords:trackedEntity')) or (select app_scope_covers_tree('capture'))
        or owner_unit_id in (select u.id from org_unit u
    where u.tenant_id = (select app_current_tenant_id()) and u.path <@ any((select app_scope_paths('capture'))::ltree[]))
        or (program_id = any((select app_program_ids('{open,audited}'))::uuid[])
            and ((select app_scope_covers_tree('search')) or owner_unit_id in (select u.id from org_unit u
    where u.tenant_id = (select app_current_tenant_id()) and u.path <@ any((select app_scope_paths('search'))::ltree[]))))
        or (program_id = any((select app_program_ids('{protected}'))::uuid[])
            and owner_unit_id in (select u.id from org_unit u
    where u.tenant_id = (select app_current_tenant_id()) and u.path <@ any((select app_scope_paths('search'))::ltree[])) and exists (select 1 from break_glass_grant g
                         where g.tenant_id = enrollment.tenant_id and g.user_id = (select app_current_user_id())
                           and g.tracked_entity_id = enrollment.tracked_entity_id and g.program_id = enrollment.program_id
                           and g.ended_at is null and g.expires_at > statement_timestamp())));--> statement-breakpoint
ALTER POLICY "event_scope_read" ON "event" TO canopy_app USING ((select app_has_permission('accessAllRecords:trackedEntity')) or (select app_scope_covers_tree('capture'))
        or owner_unit_id in (select u.id from org_unit u
    where u.tenant_id = (select app_current_tenant_id()) and u.path <@ any((select app_scope_paths('capture'))::ltree[]))
        or (program_id = any((select app_program_ids('{open,audited}'))::uuid[])
            and ((select app_scope_covers_tree('search')) or owner_unit_id in (select u.id from org_unit u
    where u.tenant_id = (select app_current_tenant_id()) and u.path <@ any((select app_scope_paths('search'))::ltree[]))))
        or (program_id = any((select app_program_ids('{protected}'))::uuid[])
            and owner_unit_id in (select u.id from org_unit u
    where u.tenant_id = (select app_current_tenant_id()) and u.path <@ any((select app_scope_paths('search'))::ltree[])) and exists (select 1 from break_glass_grant g
                         where g.tenant_id = event.tenant_id and g.user_id = (select app_current_user_id())
                           and g.tracked_entity_id = event.tracked_entity_id and g.program_id = event.program_id
                           and g.ended_at is null and g.expires_at > statement_timestamp())));