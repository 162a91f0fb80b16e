-- Hand-written: force RLS on the record tables, the runtime grants (column-level where a row may
-- only change in part), the triggers that keep denormalized paths and normalized values right,
-- and the system roles' new permissions in existing tenants.
ALTER TABLE tracked_entity_type FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tracked_entity_attribute FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE program FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE program_org_unit FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE program_attribute FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE program_stage FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE data_element FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tracked_entity FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tracked_entity_attribute_value FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE program_ownership FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE ownership_change FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE enrollment FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE event FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE break_glass_grant FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON tracked_entity_type, tracked_entity_attribute, program, program_org_unit,
  program_attribute, program_stage, data_element TO canopy_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON tracked_entity, program_ownership, ownership_change, enrollment, event, break_glass_grant TO canopy_app;
--> statement-breakpoint
GRANT UPDATE (updated_at) ON tracked_entity TO canopy_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE, UPDATE (value, updated_at) ON tracked_entity_attribute_value TO canopy_app;
--> statement-breakpoint
GRANT UPDATE (owner_unit_id, updated_at) ON program_ownership TO canopy_app;
--> statement-breakpoint
GRANT UPDATE (enrolled_on, status, completed_at, deleted_at, updated_at) ON enrollment TO canopy_app;
--> statement-breakpoint
GRANT UPDATE (occurred_on, org_unit_id, "values", status, completed_at, deleted_at, updated_at) ON event TO canopy_app;
--> statement-breakpoint
GRANT UPDATE (ended_at, reviewed_at, reviewed_by, review_comment) ON break_glass_grant TO canopy_app;
--> statement-breakpoint
-- A unit's path, read as the caller (org units are visible tenant-wide).
CREATE OR REPLACE FUNCTION app_unit_path(p_tenant uuid, p_unit uuid) RETURNS ltree
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
  AS $$ SELECT u.path FROM org_unit u WHERE u.tenant_id = p_tenant AND u.id = p_unit $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tracked_entity_set_path() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  NEW.registration_path := app_unit_path(NEW.tenant_id, NEW.registration_unit_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER tracked_entity_set_path BEFORE INSERT ON tracked_entity
  FOR EACH ROW EXECUTE FUNCTION tracked_entity_set_path();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION program_ownership_set_path() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  NEW.owner_path := app_unit_path(NEW.tenant_id, NEW.owner_unit_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER program_ownership_set_path BEFORE INSERT OR UPDATE OF owner_unit_id ON program_ownership
  FOR EACH ROW EXECUTE FUNCTION program_ownership_set_path();
--> statement-breakpoint
-- From the first enrolment on, programs (not the registration unit) decide who sees a person.
-- SECURITY DEFINER: the runtime role has no UPDATE right on ever_enrolled.
CREATE OR REPLACE FUNCTION program_ownership_mark_enrolled() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  UPDATE tracked_entity SET ever_enrolled = true
   WHERE tenant_id = NEW.tenant_id AND id = NEW.tracked_entity_id AND NOT ever_enrolled;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER program_ownership_mark_enrolled AFTER INSERT ON program_ownership
  FOR EACH ROW EXECUTE FUNCTION program_ownership_mark_enrolled();
--> statement-breakpoint
REVOKE ALL ON FUNCTION program_ownership_mark_enrolled() FROM PUBLIC;
--> statement-breakpoint
-- Search and uniqueness compare a normalized form: trimmed, single spaces, lower case.
-- SECURITY DEFINER so the attribute's flags are read whatever the caller's grants.
CREATE OR REPLACE FUNCTION attribute_value_normalize() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  is_unique boolean;
BEGIN
  SELECT a."unique" INTO is_unique FROM tracked_entity_attribute a
   WHERE a.tenant_id = NEW.tenant_id AND a.id = NEW.attribute_id;
  NEW.search_value := lower(regexp_replace(btrim(NEW.value), '\s+', ' ', 'g'));
  NEW.unique_value := CASE WHEN is_unique THEN NEW.search_value END;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER attribute_value_normalize BEFORE INSERT OR UPDATE OF value ON tracked_entity_attribute_value
  FOR EACH ROW EXECUTE FUNCTION attribute_value_normalize();
--> statement-breakpoint
REVOKE ALL ON FUNCTION attribute_value_normalize() FROM PUBLIC;
--> statement-breakpoint
-- A grant's owner and lifetime come from the database, never from the caller: the owner the
-- record has now, and the program's duration or else the tenant's (records.breakGlassMinutes,
-- default 180 minutes).
CREATE OR REPLACE FUNCTION break_glass_grant_fill() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  target record;
  minutes integer;
BEGIN
  target := app_break_glass_target(NEW.tracked_entity_id, NEW.program_id);
  IF target.status IS DISTINCT FROM 'allowed' THEN
    RAISE EXCEPTION 'break the glass is not possible on this record' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT coalesce(p.break_glass_minutes, (t.settings #>> '{records,breakGlassMinutes}')::integer, 180) INTO minutes
    FROM program p JOIN tenant t ON t.id = p.tenant_id
   WHERE p.tenant_id = NEW.tenant_id AND p.id = NEW.program_id;
  NEW.owner_unit_id := target.owner_unit_id;
  NEW.owner_path := target.owner_path;
  NEW.created_at := now();
  NEW.expires_at := now() + make_interval(mins => minutes);
  NEW.ended_at := NULL;
  NEW.reviewed_at := NULL;
  NEW.reviewed_by := NULL;
  NEW.review_comment := NULL;
  NEW.reason := btrim(NEW.reason);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER break_glass_grant_fill BEFORE INSERT ON break_glass_grant
  FOR EACH ROW EXECUTE FUNCTION break_glass_grant_fill();
--> statement-breakpoint
REVOKE ALL ON FUNCTION break_glass_grant_fill() FROM PUBLIC;
--> statement-breakpoint
-- A subtree move rewrites the paths records carry, in the same statement's transaction, so scope
-- checks on owners stay right. Runs as the owner, bound by tenant isolation only: every record of
-- the tenant is rewritten, whoever moved the unit.
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
    UPDATE tracked_entity t SET registration_path = CASE WHEN t.registration_path = OLD.path THEN NEW.path ELSE NEW.path || subpath(t.registration_path, nlevel(OLD.path)) END
     WHERE t.tenant_id = NEW.tenant_id AND t.registration_path <@ OLD.path;
    UPDATE program_ownership o SET owner_path = CASE WHEN o.owner_path = OLD.path THEN NEW.path ELSE NEW.path || subpath(o.owner_path, nlevel(OLD.path)) END
     WHERE o.tenant_id = NEW.tenant_id AND o.owner_path <@ OLD.path;
    UPDATE break_glass_grant g SET owner_path = CASE WHEN g.owner_path = OLD.path THEN NEW.path ELSE NEW.path || subpath(g.owner_path, nlevel(OLD.path)) END
     WHERE g.tenant_id = NEW.tenant_id AND g.owner_path <@ OLD.path;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Existing tenants' system roles gain this issue's permissions (new tenants get them from code).
UPDATE role SET permissions = (SELECT array_agg(DISTINCT p ORDER BY p) FROM unnest(permissions || ARRAY[
    'breakGlass:trackedEntity', 'reviewBreakGlass:trackedEntity', 'accessAllRecords:trackedEntity']) p)
 WHERE system AND key = 'tenant_admin';
--> statement-breakpoint
UPDATE role SET permissions = (SELECT array_agg(DISTINCT p ORDER BY p) FROM unnest(permissions || ARRAY['breakGlass:trackedEntity']) p)
 WHERE system AND key = 'data_entry_clerk';
--> statement-breakpoint
UPDATE role SET permissions = (SELECT array_agg(DISTINCT p ORDER BY p) FROM unnest(permissions || ARRAY['reviewBreakGlass:trackedEntity']) p)
 WHERE system AND key = 'supervisor';
--> statement-breakpoint
-- Search results must say "this record is protected" where breaking the glass is possible — for
-- records the caller cannot read. Reviewed SECURITY DEFINER: it applies the caller's scopes
-- itself and returns only (person, program) ids of protected pairs owned in the effective search
-- scope but outside capture, with no active grant, whose person matches every criterion
-- (normalized exact value, or prefix). Nothing else about the record leaves it.
CREATE OR REPLACE FUNCTION app_protected_matches(p_attribute_ids uuid[], p_values text[], p_prefix boolean[], p_limit integer)
  RETURNS TABLE (tracked_entity_id uuid, program_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    SELECT o.tracked_entity_id, o.program_id
    FROM tracked_entity_attribute_value v
    JOIN program_ownership o ON o.tenant_id = v.tenant_id AND o.tracked_entity_id = v.tracked_entity_id
    JOIN program p ON p.tenant_id = o.tenant_id AND p.id = o.program_id AND p.access_level = 'protected'
    WHERE cardinality(p_attribute_ids) >= 1
      AND cardinality(p_attribute_ids) = cardinality(p_values) AND cardinality(p_values) = cardinality(p_prefix)
      AND v.tenant_id = app_current_tenant_id()
      AND v.attribute_id = p_attribute_ids[1]
      AND CASE WHEN p_prefix[1] THEN starts_with(v.search_value, p_values[1]) ELSE v.search_value = p_values[1] END
      AND NOT app_has_permission('accessAllRecords:trackedEntity')
      AND o.owner_path <@ ANY (app_scope_paths('search'))
      AND NOT (o.owner_path <@ ANY (app_scope_paths('capture')))
      AND NOT EXISTS (
        SELECT 1 FROM break_glass_grant g
        WHERE g.tenant_id = o.tenant_id AND g.user_id = app_current_user_id()
          AND g.tracked_entity_id = o.tracked_entity_id AND g.program_id = o.program_id
          AND g.ended_at IS NULL AND g.expires_at > statement_timestamp())
      AND NOT EXISTS (
        SELECT 1 FROM unnest(p_attribute_ids[2:], p_values[2:], p_prefix[2:]) AS c(attribute_id, value, prefix)
        WHERE NOT EXISTS (
          SELECT 1 FROM tracked_entity_attribute_value w
          WHERE w.tenant_id = v.tenant_id AND w.tracked_entity_id = v.tracked_entity_id AND w.attribute_id = c.attribute_id
            AND CASE WHEN c.prefix THEN starts_with(w.search_value, c.value) ELSE w.search_value = c.value END))
    ORDER BY o.tracked_entity_id, o.program_id
    LIMIT least(p_limit, 50)
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_protected_matches(uuid[], text[], boolean[], integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_protected_matches(uuid[], text[], boolean[], integer) TO canopy_app;
--> statement-breakpoint
-- A transfer may take the record out of the caller's sight (DESIGN.md §2: "the old unit may lose
-- access"), which an UPDATE under RLS refuses because the new row must stay visible. Reviewed
-- SECURITY DEFINER: it applies the same rules as the policies — transfer permission, write access
-- to the pair now, target unit in the effective search scope — and changes only the owner.
CREATE OR REPLACE FUNCTION app_transfer_ownership(p_person uuid, p_program uuid, p_to_unit uuid) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  tenant uuid := app_current_tenant_id();
  all_records boolean := app_has_permission('accessAllRecords:trackedEntity');
BEGIN
  IF NOT (all_records OR app_has_permission('transferOwnership:enrollment')) THEN
    RETURN false;
  END IF;
  IF NOT app_pair_writable(tenant, p_person, p_program) THEN
    RETURN false;
  END IF;
  IF NOT (all_records OR EXISTS (SELECT 1 FROM org_unit u WHERE u.tenant_id = tenant AND u.id = p_to_unit
                                  AND u.path <@ ANY (app_scope_paths('search')))) THEN
    RETURN false;
  END IF;
  UPDATE program_ownership SET owner_unit_id = p_to_unit, updated_at = now()
   WHERE tenant_id = tenant AND tracked_entity_id = p_person AND program_id = p_program;
  RETURN FOUND;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_transfer_ownership(uuid, uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_transfer_ownership(uuid, uuid, uuid) TO canopy_app;
