-- Hand-written: force RLS on unit groups and memberships; the runtime role manages both.
ALTER TABLE org_unit_group FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE org_unit_group_member FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON org_unit_group TO canopy_app;
--> statement-breakpoint
GRANT UPDATE (name, updated_at) ON org_unit_group TO canopy_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON org_unit_group_member TO canopy_app;
