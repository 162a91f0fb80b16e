-- Hand-written: force RLS on roles and their assignments; the runtime role manages both (the
-- application decides who may, and refuses to touch system roles).
ALTER TABLE role FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE user_role FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON role TO canopy_app;
--> statement-breakpoint
GRANT UPDATE (name, description, permissions, updated_at) ON role TO canopy_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON user_role TO canopy_app;
