-- Hand-written (issue 7). Every page and API call first asked who was calling: the tenant by its
-- slug (one statement), then, in a transaction of its own bound to that tenant, the tenant's
-- security settings and the session by its token (BEGIN, the binding, the two reads, COMMIT) —
-- five round trips before the request's own transaction began, each a wake-up of a server
-- process that, on two shared cores, took the app's core from it (a third of a request's round
-- trips; CPU profile of `next start` under load: a sixth of the app's time in socket writes).
--
-- app_open_session answers all of it in one statement outside any transaction: the active
-- tenant with this slug (resolve_tenant, the only way the runtime role finds one), its security
-- settings, and the live session with this token hash in that tenant — not ended, not expired,
-- its user active — with how long it has been idle, for the tenant's idle limit, which the app
-- applies (server/auth/sessions.ts parses the settings). It reads as its caller under row-level
-- security: app_bind binds the tenant without a user first, so another tenant's session, user or
-- settings cannot be read. The binding is transaction-local (set_config(…, true)); called as a
-- statement of its own, it ends with the statement. No row: no such active tenant; a row whose
-- session columns are null: the tenant, but no live session for that token.
CREATE FUNCTION app_open_session(p_slug text, p_token_hash text)
  RETURNS TABLE (
    tenant_id uuid, tenant_slug text, tenant_name text, security jsonb,
    session_id uuid, stage session_stage, user_id uuid, email text, display_name text,
    idle_seconds float8
  )
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, public, pg_temp
  AS $$
DECLARE
  active_id uuid;
  active_slug text;
  active_name text;
BEGIN
  SELECT r.id, r.slug, r.name INTO active_id, active_slug, active_name FROM resolve_tenant(p_slug) r;
  IF active_id IS NULL THEN
    RETURN;
  END IF;
  PERFORM app_bind(active_id, NULL);
  RETURN QUERY
    SELECT active_id, active_slug, active_name, t.settings -> 'security',
           s.id, s.stage, s.user_id, u.email, u.display_name,
           extract(epoch FROM now() - s.last_seen_at)::float8
      FROM tenant t
      LEFT JOIN (session s JOIN user_account u ON u.tenant_id = s.tenant_id AND u.id = s.user_id AND u.status = 'active')
        ON s.tenant_id = t.id AND s.token_hash = p_token_hash AND s.expires_at > now()
     WHERE t.id = active_id;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app_open_session(text, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_open_session(text, text) TO canopy_app, canopy_app_wide, canopy_app_local;
