-- Hand-written: force RLS on flags and notifications; flags are append-only for the runtime role,
-- notifications may only be marked read.
ALTER TABLE security_flag FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notification FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT ON security_flag TO canopy_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON notification TO canopy_app;
--> statement-breakpoint
GRANT UPDATE (read_at) ON notification TO canopy_app;
