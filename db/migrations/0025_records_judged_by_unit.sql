-- Hand-ordered (issue 7). People, ownerships and grants no longer carry their unit's path: they
-- are judged by their unit's place in the tree, looked up in org_unit when a row is checked. A
-- subtree move then rewrites org_unit alone (a district of 1,000+ facilities at national size took
-- 8.9 s rewriting its people's and ownerships' paths). The ownership read policy becomes one
-- function call: written out, it was copied into every statement that reaches an ownership — a
-- point read reached them at three nesting levels, ~190 subplans — and the executor sets up every
-- copy on every execution, run or not (a point read spent ~0.4 ms doing so, even for an admin).
-- The per-row helpers carry no SET search_path (that makes each call save and restore settings);
-- they name every table and function with its schema instead.

-- Whether a unit lies in the caller's scope of a kind (capture, or the effective search scope).
CREATE OR REPLACE FUNCTION app_unit_in_scope(p_tenant uuid, p_unit uuid, p_kind scope_kind) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM public.org_unit u
    WHERE u.tenant_id = p_tenant AND u.id = p_unit AND u.path OPERATOR(public.<@) ANY (public.app_scope_paths(p_kind)));
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_unit_in_capture(p_tenant uuid, p_unit uuid) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT public.app_unit_in_scope(p_tenant, p_unit, 'capture') $$;--> statement-breakpoint
-- DESIGN.md §2's access table for one (person, program) owned at a unit: everything with the
-- all-records permission or a whole-tree capture scope; the capture scope; open and audited
-- programs in the effective search scope; protected ones there only under an active grant.
CREATE OR REPLACE FUNCTION app_owner_readable(p_tenant uuid, p_person uuid, p_program uuid, p_owner_unit uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
DECLARE
  owner_path public.ltree;
BEGIN
  IF public.app_has_permission('accessAllRecords:trackedEntity') OR public.app_scope_covers_tree('capture') THEN
    RETURN true;
  END IF;
  SELECT u.path INTO owner_path FROM public.org_unit u WHERE u.tenant_id = p_tenant AND u.id = p_owner_unit;
  IF owner_path IS NULL THEN
    RETURN false;
  ELSIF owner_path OPERATOR(public.<@) ANY (public.app_scope_paths('capture')) THEN
    RETURN true;
  ELSIF NOT public.app_has_search_roots() OR NOT (owner_path OPERATOR(public.<@) ANY (public.app_scope_paths('search'))) THEN
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
GRANT EXECUTE ON FUNCTION app_unit_in_scope(uuid, uuid, scope_kind), app_owner_readable(uuid, uuid, uuid, uuid) TO canopy_app;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_pair_writable(p_tenant uuid, p_person uuid, p_program uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  RETURN app_has_permission('accessAllRecords:trackedEntity') OR EXISTS (
    SELECT 1 FROM program_ownership o
    JOIN program p ON p.tenant_id = o.tenant_id AND p.id = o.program_id
    JOIN org_unit u ON u.tenant_id = o.tenant_id AND u.id = o.owner_unit_id
    WHERE o.tenant_id = p_tenant AND o.tracked_entity_id = p_person AND o.program_id = p_program
      AND (u.path <@ ANY (app_scope_paths('capture'))
           OR (p.access_level IN ('open', 'audited') AND u.path <@ ANY (app_scope_paths('search')))));
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_person_writable(p_tenant uuid, p_person uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  RETURN app_has_permission('accessAllRecords:trackedEntity')
    OR EXISTS (
      SELECT 1 FROM tracked_entity t
      JOIN org_unit u ON u.tenant_id = t.tenant_id AND u.id = t.registration_unit_id
      WHERE t.tenant_id = p_tenant AND t.id = p_person AND NOT t.ever_enrolled
        AND u.path <@ ANY (app_scope_paths('search')))
    OR EXISTS (
      SELECT 1 FROM program_ownership o
      JOIN program p ON p.tenant_id = o.tenant_id AND p.id = o.program_id
      JOIN org_unit u ON u.tenant_id = o.tenant_id AND u.id = o.owner_unit_id
      WHERE o.tenant_id = p_tenant AND o.tracked_entity_id = p_person
        AND (u.path <@ ANY (app_scope_paths('capture'))
             OR (p.access_level IN ('open', 'audited') AND u.path <@ ANY (app_scope_paths('search')))));
END
$$;--> statement-breakpoint
-- The grant insert policy calls app_break_glass_target, whose result loses owner_path: the policy
-- goes while the function is replaced and comes back unchanged.
DROP POLICY "break_glass_grant_scope_insert" ON "break_glass_grant";--> statement-breakpoint
DROP FUNCTION app_break_glass_target(uuid, uuid);--> statement-breakpoint
CREATE FUNCTION app_break_glass_target(p_person uuid, p_program uuid, OUT status text, OUT owner_unit_id uuid)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  level text;
  owner_path ltree;
BEGIN
  status := 'not_found';
  SELECT o.owner_unit_id, u.path, p.access_level::text INTO owner_unit_id, owner_path, level
    FROM program_ownership o
    JOIN program p ON p.tenant_id = o.tenant_id AND p.id = o.program_id
    JOIN org_unit u ON u.tenant_id = o.tenant_id AND u.id = o.owner_unit_id
   WHERE o.tenant_id = app_current_tenant_id() AND o.tracked_entity_id = p_person AND o.program_id = p_program;
  IF NOT FOUND OR NOT (owner_path <@ ANY (app_scope_paths('search'))) THEN
    owner_unit_id := NULL;
    RETURN;
  END IF;
  IF app_has_permission('accessAllRecords:trackedEntity') OR owner_path <@ ANY (app_scope_paths('capture')) THEN
    status := 'has_access';
  ELSIF level IN ('open', 'audited') THEN
    status := 'not_protected';
  ELSIF level = 'protected' THEN
    status := 'allowed';
  END IF;
  IF status <> 'allowed' THEN
    owner_unit_id := NULL;
  END IF;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app_break_glass_target(uuid, uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_break_glass_target(uuid, uuid) TO canopy_app;--> statement-breakpoint
CREATE POLICY "break_glass_grant_scope_insert" ON "break_glass_grant" AS RESTRICTIVE FOR INSERT TO "canopy_app" WITH CHECK (user_id = (select app_current_user_id())
        and (select app_has_permission('breakGlass:trackedEntity'))
        and not (select app_has_permission('accessAllRecords:trackedEntity'))
        and (app_break_glass_target(tracked_entity_id, program_id)).status = 'allowed'
        and length(btrim(reason)) >= 10);--> statement-breakpoint
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
  NEW.created_at := now();
  NEW.expires_at := now() + make_interval(mins => minutes);
  NEW.ended_at := NULL;
  NEW.reviewed_at := NULL;
  NEW.reviewed_by := NULL;
  NEW.review_comment := NULL;
  NEW.reason := btrim(NEW.reason);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_protected_matches(p_attribute_ids uuid[], p_values text[], p_prefix boolean[], p_limit integer)
  RETURNS TABLE (tracked_entity_id uuid, program_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    SELECT o.tracked_entity_id, o.program_id
    FROM tracked_entity_attribute_value v
    JOIN program_ownership o ON o.tenant_id = v.tenant_id AND o.tracked_entity_id = v.tracked_entity_id
    JOIN program p ON p.tenant_id = o.tenant_id AND p.id = o.program_id AND p.access_level = 'protected'
    JOIN org_unit u ON u.tenant_id = o.tenant_id AND u.id = o.owner_unit_id
    WHERE cardinality(p_attribute_ids) >= 1
      AND cardinality(p_attribute_ids) = cardinality(p_values) AND cardinality(p_values) = cardinality(p_prefix)
      AND v.tenant_id = app_current_tenant_id()
      AND v.attribute_id = p_attribute_ids[1]
      AND CASE WHEN p_prefix[1] THEN starts_with(v.search_value, p_values[1]) ELSE v.search_value = p_values[1] END
      AND NOT app_has_permission('accessAllRecords:trackedEntity')
      AND u.path <@ ANY (app_scope_paths('search'))
      AND NOT (u.path <@ ANY (app_scope_paths('capture')))
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
  $$;--> statement-breakpoint
-- A move rewrites the subtree's paths and nothing else.
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
$$;--> statement-breakpoint
DROP TRIGGER tracked_entity_set_path ON tracked_entity;--> statement-breakpoint
DROP TRIGGER program_ownership_set_path ON program_ownership;--> statement-breakpoint
DROP FUNCTION tracked_entity_set_path();--> statement-breakpoint
DROP FUNCTION program_ownership_set_path();--> statement-breakpoint
DROP FUNCTION app_unit_path(uuid, uuid);--> statement-breakpoint
ALTER POLICY "ownership_change_scope_insert" ON "ownership_change" TO canopy_app WITH CHECK (changed_by = (select app_current_user_id())
        and ((select app_has_permission('accessAllRecords:trackedEntity'))
             or (from_unit_id is null and app_unit_accepts_data(tenant_id, to_unit_id) and app_unit_in_capture(tenant_id, to_unit_id))
             or (from_unit_id is not null and app_pair_writable(tenant_id, tracked_entity_id, program_id))));--> statement-breakpoint
ALTER POLICY "program_ownership_scope_read" ON "program_ownership" TO canopy_app USING (app_owner_readable(tenant_id, tracked_entity_id, program_id, owner_unit_id));--> statement-breakpoint
ALTER POLICY "program_ownership_scope_insert" ON "program_ownership" TO canopy_app WITH CHECK ((select app_has_permission('accessAllRecords:trackedEntity')) or (app_unit_in_capture(tenant_id, owner_unit_id) and app_unit_accepts_data(tenant_id, owner_unit_id)));--> statement-breakpoint
ALTER POLICY "program_ownership_scope_update" ON "program_ownership" TO canopy_app USING (app_pair_writable(tenant_id, tracked_entity_id, program_id)) WITH CHECK ((select app_has_permission('accessAllRecords:trackedEntity')) or app_unit_in_scope(tenant_id, owner_unit_id, 'search'));--> statement-breakpoint
ALTER POLICY "tracked_entity_scope_read" ON "tracked_entity" TO canopy_app USING ((select app_has_permission('accessAllRecords:trackedEntity'))
        or (not ever_enrolled and app_unit_in_scope(tenant_id, registration_unit_id, 'search'))
        or exists (select 1 from program_ownership o
                   where o.tenant_id = tracked_entity.tenant_id and o.tracked_entity_id = tracked_entity.id));--> statement-breakpoint
ALTER POLICY "tracked_entity_scope_insert" ON "tracked_entity" TO canopy_app WITH CHECK ((select app_has_permission('accessAllRecords:trackedEntity')) or (app_unit_in_capture(tenant_id, registration_unit_id) and app_unit_accepts_data(tenant_id, registration_unit_id)));--> statement-breakpoint
ALTER POLICY "break_glass_grant_scope_read" ON "break_glass_grant" TO canopy_app USING (user_id = (select app_current_user_id())
        or (select app_has_permission('accessAllRecords:trackedEntity'))
        or ((select app_has_permission('reviewBreakGlass:trackedEntity')) and app_unit_in_capture(tenant_id, owner_unit_id)));--> statement-breakpoint
ALTER POLICY "break_glass_grant_scope_update" ON "break_glass_grant" TO canopy_app USING (user_id = (select app_current_user_id())
        or ((select app_has_permission('reviewBreakGlass:trackedEntity')) and app_unit_in_capture(tenant_id, owner_unit_id)));--> statement-breakpoint
DROP INDEX "program_ownership_owner_path_gist";--> statement-breakpoint
DROP INDEX "tracked_entity_registration_path_gist";--> statement-breakpoint
DROP INDEX "break_glass_grant_owner_path_gist";--> statement-breakpoint
ALTER TABLE "program_ownership" DROP COLUMN "owner_path";--> statement-breakpoint
ALTER TABLE "tracked_entity" DROP COLUMN "registration_path";--> statement-breakpoint
ALTER TABLE "break_glass_grant" DROP COLUMN "owner_path";
