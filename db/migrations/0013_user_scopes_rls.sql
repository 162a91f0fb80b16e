-- Hand-written: force RLS on scopes, the runtime grants, and the helper that gives policies the
-- current user's scope roots as ltree paths (STABLE; call it wrapped in (select …) so it runs
-- once per statement). Records will carry their owner's path, so a scope check is
-- `owner_path <@ ANY((select app_scope_paths('capture'))::ltree[])` with no per-row recursion.
ALTER TABLE user_scope FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON user_scope TO canopy_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_scope_paths(p_kind scope_kind) RETURNS ltree[]
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
  AS $$
    SELECT coalesce(array_agg(u.path), '{}')
    FROM user_scope s
    JOIN org_unit u ON u.tenant_id = s.tenant_id AND u.id = s.org_unit_id
    WHERE s.tenant_id = app_current_tenant_id()
      AND s.user_id = app_current_user_id()
      AND (s.kind = p_kind
           OR (p_kind = 'search' AND s.kind = 'capture')
           OR (p_kind = 'analytics' AND s.kind = 'capture'
               AND NOT EXISTS (SELECT 1 FROM user_scope a
                               WHERE a.tenant_id = s.tenant_id AND a.user_id = s.user_id AND a.kind = 'analytics')))
  $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_scope_paths(scope_kind) TO canopy_app;
