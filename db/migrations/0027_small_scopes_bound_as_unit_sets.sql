-- Hand-written (issue 7): after 0025 a prefix search paid a unit lookup (a query inside
-- app_owner_readable) for every candidate it turned away — ~10k candidates, 0.04 ms each, for a
-- clinic nurse's "kam…". A scope of a few units — the facility staff who are most users — is
-- now bound as its complete set of unit ids, and app_owner_readable decides from the set with no
-- query at all; larger scopes look the unit up as before. This replaces 0026's capture roots.

-- The units under the given roots when there are at most 32 of them, else NULL (unknown). Reads
-- at most 33 index entries whatever the size of the scope.
CREATE OR REPLACE FUNCTION app_small_unit_set(p_tenant uuid, p_roots ltree[]) RETURNS uuid[]
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  found uuid[];
BEGIN
  SELECT coalesce(array_agg(x.id), '{}') INTO found FROM (
    SELECT DISTINCT u.id FROM unnest(p_roots) AS r(path)
    JOIN org_unit u ON u.tenant_id = p_tenant AND u.path_key >= r.path::text AND u.path_key < r.path::text || '/'
    LIMIT 33) x;
  RETURN CASE WHEN cardinality(found) <= 32 THEN found END;
END
$$;--> statement-breakpoint
-- As 0026, with the small scopes' complete unit sets instead of the capture roots.
CREATE OR REPLACE FUNCTION app_bind(p_tenant uuid, p_user uuid) RETURNS void
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  capture ltree[];
  capture_set uuid[];
  search_set uuid[];
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
  capture_set := app_small_unit_set(p_tenant, capture);
  search_set := app_small_unit_set(p_tenant, search);
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
          set_config('app.bound_capture_set', coalesce(capture_set::text, ''), true),
          set_config('app.bound_search_set', coalesce(search_set::text, ''), true),
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
-- The complete unit set of the caller's capture or effective search scope when the request bound
-- one (scopes of at most 32 units), else NULL: then the unit must be looked up.
CREATE OR REPLACE FUNCTION app_scope_unit_set(p_kind scope_kind) RETURNS uuid[]
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN public.app_bound() AND p_kind IN ('capture', 'search')
                         AND current_setting('app.bound_' || p_kind::text || '_set') <> ''
                    THEN current_setting('app.bound_' || p_kind::text || '_set')::uuid[] END $$;--> statement-breakpoint
-- As 0025, deciding from bound unit sets where it can. DESIGN.md §2: everything with the
-- all-records permission or a whole-tree capture scope; the capture scope; open and audited
-- programs in the effective search scope; protected ones there only under an active grant.
CREATE OR REPLACE FUNCTION app_owner_readable(p_tenant uuid, p_person uuid, p_program uuid, p_owner_unit uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
DECLARE
  unit_set uuid[];
  owner_path public.ltree;
  looked_up boolean := false;
  in_scope boolean;
BEGIN
  IF public.app_has_permission('accessAllRecords:trackedEntity') OR public.app_scope_covers_tree('capture') THEN
    RETURN true;
  END IF;
  unit_set := public.app_scope_unit_set('capture');
  IF unit_set IS NOT NULL THEN
    in_scope := p_owner_unit = ANY (unit_set);
  ELSE
    SELECT u.path INTO owner_path FROM public.org_unit u WHERE u.tenant_id = p_tenant AND u.id = p_owner_unit;
    looked_up := true;
    in_scope := owner_path OPERATOR(public.<@) ANY (public.app_scope_paths('capture'));
  END IF;
  IF in_scope THEN
    RETURN true;
  ELSIF NOT public.app_has_search_roots() THEN
    RETURN false;
  END IF;
  unit_set := public.app_scope_unit_set('search');
  IF unit_set IS NOT NULL THEN
    in_scope := p_owner_unit = ANY (unit_set);
  ELSE
    IF NOT looked_up THEN
      SELECT u.path INTO owner_path FROM public.org_unit u WHERE u.tenant_id = p_tenant AND u.id = p_owner_unit;
    END IF;
    in_scope := owner_path OPERATOR(public.<@) ANY (public.app_scope_paths('search'));
  END IF;
  IF NOT coalesce(in_scope, false) THEN
    RETURN false;
  ELSIF p_program = ANY (public.app_program_ids('{open,audited}')) THEN
    RETURN true;
  END IF;
  RETURN p_program = ANY (public.app_program_ids('{protected}')) AND EXISTS (
    SELECT 1 FROM public.break_glass_grant g
    WHERE g.tenant_id = p_tenant AND g.user_id = public.app_current_user_id()
      AND g.tracked_entity_id = p_person AND g.program_id = p_program
      AND g.ended_at IS NULL AND g.expires_at > statement_timestamp());
END
$$;--> statement-breakpoint
DROP FUNCTION app_capture_root_units();--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_small_unit_set(uuid, ltree[]), app_scope_unit_set(scope_kind) TO canopy_app;
