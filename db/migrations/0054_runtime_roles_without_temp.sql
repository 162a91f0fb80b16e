-- Hand-written. Every role may create temporary objects by default (PUBLIC holds TEMPORARY on a
-- new database), and a session's temporary schema is searched before every other for tables and
-- types — even inside a function whose search_path is set, unless the path names pg_temp itself.
-- So a runtime session that created a temporary table named audit_chain_head, user_role or
-- org_unit was read in its place by the SECURITY DEFINER functions that run as the owner
-- (seen: a function with SET search_path = pg_catalog, public returned the temporary table's
-- row). Settings a runtime session can forge were never the boundary for those functions: they
-- write what no runtime role may (seals and heads, ownership transfers), and they would have
-- written it from rows the session made up.
--
-- Two locks again. The runtime roles lose TEMPORARY: PUBLIC's grant on this database is revoked
-- (database privileges have no form without the database's name, hence format with %I), and no
-- part of the app uses temporary objects. And every function that sets its search_path now
-- names pg_temp last, so a temporary object could not stand in for ours even where the grant
-- is restored. Only the database's owner (or a superuser) may revoke; another migrating role is
-- told what to run and goes on, as 0032 does for role settings.
DO $$
BEGIN
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  -- A role without the grant option only gets PostgreSQL's "no privileges could be revoked".
  IF EXISTS (SELECT 1 FROM unnest(ARRAY['canopy_app', 'canopy_app_wide', 'canopy_app_local']) AS r
              WHERE has_database_privilege(r, current_database(), 'TEMPORARY')) THEN
    RAISE WARNING 'Run as the database owner: REVOKE TEMPORARY ON DATABASE % FROM PUBLIC', quote_ident(current_database());
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'Run as the database owner: REVOKE TEMPORARY ON DATABASE % FROM PUBLIC', quote_ident(current_database());
END
$$;
--> statement-breakpoint
ALTER FUNCTION app_bind(uuid,uuid) SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION app_break_glass_target(uuid,uuid) SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION app_has_permission_now(text) SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION app_has_search_roots_now() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION app_program_ids_now(text[]) SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION app_protected_matches(uuid[],text[],boolean[],integer) SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION app_scope_covers_tree_now(scope_kind) SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION app_scope_paths_now(scope_kind) SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION app_scope_unit_ids(scope_kind) SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION app_small_unit_set(uuid,ltree[]) SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION app_transfer_ownership(uuid,uuid,uuid) SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION app_unbind() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION attribute_value_copy_to_person() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION attribute_value_normalize() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION attribute_values_copy_inserted() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION audit_ensure_partitions(timestamp with time zone,integer) SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION audit_event_seal() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION audit_trail_refuse_change() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION audit_verify_chain(uuid) SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION break_glass_grant_fill() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION event_copy_owner_check_stage() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION metadata_never_deleted() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION org_unit_move_subtree() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION org_unit_set_path() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION program_ownership_mark_enrolled() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION program_ownership_program_exists() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION program_ownership_propagate_owner() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION record_copy_owner() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION resolve_tenant(text) SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION tracked_entity_check_filled_at_insert() SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION tracked_entity_type_exists() SET search_path = pg_catalog, public, pg_temp;
