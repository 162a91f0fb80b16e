-- Hand-written (issue 7). Every request asked for its user's permissions twice: app_bind
-- resolved them for the policies, then the app read them again for its CASL ability — one more
-- statement and round trip on every request. app_bind now returns the keys it bound (those the
-- policies can read: a key holding '|' names no permission), and the app builds its ability from
-- them. Same body as 0038 otherwise; a new return type needs DROP and CREATE, and the grant again.
DROP FUNCTION app_bind(uuid, uuid);--> statement-breakpoint
CREATE FUNCTION app_bind(p_tenant uuid, p_user uuid) RETURNS text[]
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
    RETURN '{}';
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
   WHERE ur.tenant_id = p_tenant AND ur.user_id = p_user AND strpos(k, '|') = 0;
  PERFORM set_config('app.bound_capture', capture::text, true),
          set_config('app.bound_capture_set', coalesce(capture_set::text, ''), true),
          set_config('app.bound_search_set', coalesce(search_set::text, ''), true),
          set_config('app.bound_search', search::text, true),
          set_config('app.bound_capture_whole_tree', capture_whole::text, true),
          set_config('app.bound_search_whole_tree', search_whole::text, true),
          set_config('app.bound_search_roots', search_roots::text, true),
          set_config('app.bound_open_programs', open_programs::text, true),
          set_config('app.bound_protected_programs', protected_programs::text, true),
          set_config('app.bound_permissions', '|' || array_to_string(permissions, '|') || '|', true),
          set_config('app.bound_reads_all', ('accessAllRecords:trackedEntity' = ANY (permissions) OR capture_whole)::text, true),
          set_config('app.bound_for', p_tenant::text || '/' || p_user::text, true);
  RETURN permissions;
END
$$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_bind(uuid, uuid) TO canopy_app;
