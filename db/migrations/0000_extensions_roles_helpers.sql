-- Extensions, the runtime role and the tiny STABLE helpers that every RLS policy calls.
-- Hand-written (drizzle-kit cannot express roles or functions); runs before the tables so the
-- generated policies can reference the helpers.
CREATE EXTENSION IF NOT EXISTS ltree;
--> statement-breakpoint
-- The runtime login role serves every request. It is not a superuser, cannot bypass RLS and
-- owns nothing; its password is set by db/migrate.ts from DATABASE_APP_PASSWORD.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'canopy_app') THEN
    CREATE ROLE canopy_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
  END IF;
END
$$;
--> statement-breakpoint
ALTER ROLE canopy_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO canopy_app;
--> statement-breakpoint
-- Settings are written per transaction with set_config(…, true) and bound parameters; an unset
-- or empty setting yields NULL, which matches no row.
CREATE OR REPLACE FUNCTION app_current_tenant_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_current_user_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
