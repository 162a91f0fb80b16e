-- Hand-written (issue 7): the caller's scope and permissions are resolved once per request
-- transaction (app_bind, called by withTenant) into transaction-local settings, and the policy
-- helpers read them there. A point read evaluates the person policy at several nesting levels,
-- each with its own copies of the helpers (~0.2 of its 0.3 ms); a bound value costs a setting
-- read. The helpers keep their names (the policies call them) and become inlinable SQL that
-- falls back to computing live (the *_now functions) whenever the binding does not apply: no
-- binding, another tenant or user set since, or a change this transaction made to what it was
-- built from (user_scope, user_role, role, program, org_unit clear it — see the triggers below).
-- A setting lives until commit or rollback, so a binding never outlives its request.
-- The live computations, as they were (0022, 0023), under new names. The original names are then
-- replaced in place, so the policies (which reference the functions themselves) use the wrappers.
CREATE OR REPLACE FUNCTION app_scope_paths_now(p_kind scope_kind) RETURNS ltree[]
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  RETURN (
    SELECT coalesce(array_agg(u.path), '{}')
    FROM user_scope s
    JOIN org_unit u ON u.tenant_id = s.tenant_id AND u.id = s.org_unit_id
    WHERE s.tenant_id = app_current_tenant_id()
      AND s.user_id = app_current_user_id()
      AND (s.kind = p_kind
           OR (p_kind = 'search' AND s.kind = 'capture')
           OR (p_kind = 'analytics' AND s.kind = 'capture'
               AND NOT EXISTS (SELECT 1 FROM user_scope a
                               WHERE a.tenant_id = s.tenant_id AND a.user_id = s.user_id AND a.kind = 'analytics'))));
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_has_permission_now(p_key text) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM user_role ur
    JOIN role r ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id
    WHERE ur.tenant_id = app_current_tenant_id()
      AND ur.user_id = app_current_user_id()
      AND p_key = ANY (r.permissions));
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_program_ids_now(p_levels text[]) RETURNS uuid[]
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  RETURN (
    SELECT coalesce(array_agg(p.id), '{}')
    FROM program p
    WHERE p.tenant_id = app_current_tenant_id() AND p.access_level::text = ANY (p_levels));
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_scope_covers_tree_now(p_kind scope_kind) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  RETURN NOT EXISTS (
    SELECT 1 FROM org_unit u
    WHERE u.tenant_id = app_current_tenant_id() AND u.parent_id IS NULL
      AND NOT (u.path <@ ANY (app_scope_paths(p_kind))));
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_has_search_roots_now() RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM user_scope s
    WHERE s.tenant_id = app_current_tenant_id() AND s.user_id = app_current_user_id() AND s.kind = 'search');
END
$$;
--> statement-breakpoint
-- Whether the bound settings belong to the current tenant and user.
CREATE OR REPLACE FUNCTION app_bound() RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(current_setting('app.bound_for', true), '') <> ''
           AND current_setting('app.bound_for', true)
               = current_setting('app.tenant_id', true) || '/' || current_setting('app.user_id', true) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_scope_paths(p_kind scope_kind) RETURNS ltree[]
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN app_bound() AND p_kind IN ('capture', 'search')
                    THEN current_setting('app.bound_' || p_kind::text)::ltree[]
                    ELSE app_scope_paths_now(p_kind) END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_has_permission(p_key text) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN app_bound()
                    THEN p_key = ANY (current_setting('app.bound_permissions')::text[])
                    ELSE app_has_permission_now(p_key) END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_program_ids(p_levels text[]) RETURNS uuid[]
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN app_bound() AND p_levels = '{open,audited}' THEN current_setting('app.bound_open_programs')::uuid[]
                    WHEN app_bound() AND p_levels = '{protected}' THEN current_setting('app.bound_protected_programs')::uuid[]
                    ELSE app_program_ids_now(p_levels) END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_scope_covers_tree(p_kind scope_kind) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN app_bound() AND p_kind IN ('capture', 'search')
                    THEN current_setting('app.bound_' || p_kind::text || '_whole_tree')::boolean
                    ELSE app_scope_covers_tree_now(p_kind) END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_has_search_roots() RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN app_bound() THEN current_setting('app.bound_search_roots')::boolean
                    ELSE app_has_search_roots_now() END $$;
--> statement-breakpoint
-- Binds a request transaction to a tenant and user (what withTenant did with two settings) and,
-- for a user, resolves the helpers' answers once: four queries with plans cached for the session,
-- each computing what the *_now functions compute (the tests compare them).
CREATE OR REPLACE FUNCTION app_bind(p_tenant uuid, p_user uuid) RETURNS void
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  capture ltree[];
  search ltree[];
  search_roots boolean;
  capture_whole boolean;
  search_whole boolean;
  open_programs uuid[];
  protected_programs uuid[];
  permissions text[];
BEGIN
  PERFORM set_config('app.bound_for', '', true),
          set_config('app.tenant_id', coalesce(p_tenant::text, ''), true),
          set_config('app.user_id', coalesce(p_user::text, ''), true);
  IF p_tenant IS NULL OR p_user IS NULL THEN
    RETURN;
  END IF;
  SELECT coalesce(array_agg(u.path) FILTER (WHERE s.kind = 'capture'), '{}'),
         coalesce(array_agg(u.path) FILTER (WHERE s.kind IN ('capture', 'search')), '{}'),
         coalesce(bool_or(s.kind = 'search'), false)
    INTO capture, search, search_roots
    FROM user_scope s JOIN org_unit u ON u.tenant_id = s.tenant_id AND u.id = s.org_unit_id
   WHERE s.tenant_id = p_tenant AND s.user_id = p_user;
  SELECT coalesce(bool_and(r.path <@ ANY (capture)), true), coalesce(bool_and(r.path <@ ANY (search)), true)
    INTO capture_whole, search_whole
    FROM org_unit r WHERE r.tenant_id = p_tenant AND r.parent_id IS NULL;
  SELECT coalesce(array_agg(p.id) FILTER (WHERE p.access_level IN ('open', 'audited')), '{}'),
         coalesce(array_agg(p.id) FILTER (WHERE p.access_level = 'protected'), '{}')
    INTO open_programs, protected_programs
    FROM program p WHERE p.tenant_id = p_tenant;
  SELECT coalesce(array_agg(DISTINCT k), '{}') INTO permissions
    FROM user_role ur JOIN role r ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id
    CROSS JOIN unnest(r.permissions) AS k
   WHERE ur.tenant_id = p_tenant AND ur.user_id = p_user;
  PERFORM set_config('app.bound_capture', capture::text, true),
          set_config('app.bound_search', search::text, true),
          set_config('app.bound_capture_whole_tree', capture_whole::text, true),
          set_config('app.bound_search_whole_tree', search_whole::text, true),
          set_config('app.bound_search_roots', search_roots::text, true),
          set_config('app.bound_open_programs', open_programs::text, true),
          set_config('app.bound_protected_programs', protected_programs::text, true),
          set_config('app.bound_permissions', permissions::text, true),
          set_config('app.bound_for', p_tenant::text || '/' || p_user::text, true);
END
$$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_bind(uuid, uuid), app_bound(), app_scope_paths_now(scope_kind), app_has_permission_now(text),
  app_program_ids_now(text[]), app_scope_covers_tree_now(scope_kind), app_has_search_roots_now() TO canopy_app;--> statement-breakpoint
-- A change to anything a binding was resolved from ends the binding for the rest of the
-- transaction; the helpers then compute live again.
CREATE OR REPLACE FUNCTION app_unbind() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  PERFORM set_config('app.bound_for', '', true);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER user_scope_unbind AFTER INSERT OR UPDATE OR DELETE ON user_scope
  FOR EACH STATEMENT EXECUTE FUNCTION app_unbind();--> statement-breakpoint
CREATE TRIGGER user_role_unbind AFTER INSERT OR UPDATE OR DELETE ON user_role
  FOR EACH STATEMENT EXECUTE FUNCTION app_unbind();--> statement-breakpoint
CREATE TRIGGER role_unbind AFTER INSERT OR UPDATE OR DELETE ON role
  FOR EACH STATEMENT EXECUTE FUNCTION app_unbind();--> statement-breakpoint
CREATE TRIGGER program_unbind AFTER INSERT OR UPDATE OR DELETE ON program
  FOR EACH STATEMENT EXECUTE FUNCTION app_unbind();--> statement-breakpoint
CREATE TRIGGER org_unit_unbind AFTER INSERT OR UPDATE OR DELETE ON org_unit
  FOR EACH STATEMENT EXECUTE FUNCTION app_unbind();
