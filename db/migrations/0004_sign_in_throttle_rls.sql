-- Hand-written: force RLS on the throttle table and grant the runtime role what sign-in needs.
-- No DELETE: counters are reset by update, so history of lockouts cannot be wiped by the app.
ALTER TABLE sign_in_throttle FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT ON sign_in_throttle TO canopy_app;
--> statement-breakpoint
GRANT UPDATE (failures, lockouts, last_failure_at, locked_until) ON sign_in_throttle TO canopy_app;
