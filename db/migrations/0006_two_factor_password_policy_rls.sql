-- Hand-written: force RLS on the new tables and extend the runtime role's column grants.
ALTER TABLE recovery_code FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE password_history FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON recovery_code TO canopy_app;
--> statement-breakpoint
GRANT UPDATE (used_at) ON recovery_code TO canopy_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON password_history TO canopy_app;
--> statement-breakpoint
GRANT UPDATE (phone, password_must_change, password_changed_at, totp_secret_sealed, totp_pending_secret_sealed,
              totp_enabled_at, totp_last_step) ON user_account TO canopy_app;
--> statement-breakpoint
GRANT UPDATE (stage, expires_at) ON session TO canopy_app;
