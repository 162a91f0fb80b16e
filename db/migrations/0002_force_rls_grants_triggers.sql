-- Hand-written: FORCE row-level security, the runtime role's grants, tenant resolution and the
-- triggers that keep the org-unit tree and the audit trail honest.

-- FORCE makes the policies bind the table owner too, so only a superuser (migrations, never the
-- request path) can read across tenants.
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE user_account FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE session FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE org_unit FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE org_unit_level FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The owner provisions tenants and runs jobs over all of them, so it may list tenants.
DO $$
BEGIN
  EXECUTE format('CREATE POLICY tenant_owner_read ON tenant FOR SELECT TO %I USING (true)', current_user);
END
$$;
--> statement-breakpoint
-- Only what the request path needs. No DELETE on users (disabled, never deleted); path and level
-- of org units are written by triggers only; audit events are insert-only.
GRANT SELECT ON tenant TO canopy_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON user_account TO canopy_app;
--> statement-breakpoint
GRANT UPDATE (email, display_name, password_hash, status, updated_at) ON user_account TO canopy_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON session TO canopy_app;
--> statement-breakpoint
GRANT UPDATE (last_seen_at) ON session TO canopy_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON org_unit TO canopy_app;
--> statement-breakpoint
GRANT UPDATE (parent_id, name, code, opening_date, closed_date, updated_at) ON org_unit TO canopy_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON org_unit_level TO canopy_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_event TO canopy_app;
--> statement-breakpoint
-- The runtime role cannot list tenants; it resolves exactly one active tenant by its slug.
CREATE OR REPLACE FUNCTION resolve_tenant(p_slug text)
  RETURNS TABLE (id uuid, slug text, name text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$ SELECT t.id, t.slug, t.name FROM public.tenant t WHERE t.slug = p_slug AND t.status = 'active' $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION resolve_tenant(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION resolve_tenant(text) TO canopy_app;
--> statement-breakpoint
-- Org-unit path: computed from the parent on insert and on every parent change. Structural
-- changes in one tenant are serialized by an advisory lock so that concurrent moves and inserts
-- always read committed parent paths (each statement below takes a fresh snapshot).
CREATE OR REPLACE FUNCTION org_unit_set_path() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  parent_path ltree;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('canopy.org_unit_tree:' || NEW.tenant_id::text, 0));
  IF NEW.parent_id IS NULL THEN
    NEW.path := text2ltree(replace(NEW.id::text, '-', ''));
  ELSE
    SELECT u.path INTO parent_path FROM org_unit u WHERE u.tenant_id = NEW.tenant_id AND u.id = NEW.parent_id;
    IF parent_path IS NULL THEN
      RAISE EXCEPTION 'parent organisation unit does not exist' USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF TG_OP = 'UPDATE' AND parent_path <@ OLD.path THEN
      RAISE EXCEPTION 'an organisation unit cannot be moved under itself or one of its descendants'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'org_unit_no_cycle';
    END IF;
    NEW.path := parent_path || text2ltree(replace(NEW.id::text, '-', ''));
  END IF;
  NEW.level := nlevel(NEW.path);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER org_unit_set_path BEFORE INSERT OR UPDATE OF parent_id ON org_unit
  FOR EACH ROW EXECUTE FUNCTION org_unit_set_path();
--> statement-breakpoint
-- After a move, rewrite the whole subtree in one statement. SECURITY DEFINER because the runtime
-- role holds no UPDATE right on path/level; RLS (forced) still limits it to the current tenant.
CREATE OR REPLACE FUNCTION org_unit_move_subtree() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  IF NEW.path IS DISTINCT FROM OLD.path THEN
    UPDATE org_unit u
       SET path = NEW.path || subpath(u.path, nlevel(OLD.path)),
           level = nlevel(NEW.path) + nlevel(u.path) - nlevel(OLD.path)
     WHERE u.tenant_id = NEW.tenant_id
       AND u.path <@ OLD.path
       AND u.id <> NEW.id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER org_unit_move_subtree AFTER UPDATE OF parent_id ON org_unit
  FOR EACH ROW EXECUTE FUNCTION org_unit_move_subtree();
--> statement-breakpoint
REVOKE ALL ON FUNCTION org_unit_move_subtree() FROM PUBLIC;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
