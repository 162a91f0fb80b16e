-- Hand-written: the STABLE helpers the record policies call (next migration). They reference
-- tables created there, so body checks are deferred to the first call. Policies call the
-- argument-free ones wrapped in (select …) so they run once per statement; the per-row ones
-- (app_pair_writable, app_person_writable, app_unit_*) guard writes, which touch few rows.
SET check_function_bodies = off;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_has_permission(p_key text) RETURNS boolean
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
  AS $$
    SELECT EXISTS (
      SELECT 1 FROM user_role ur
      JOIN role r ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id
      WHERE ur.tenant_id = app_current_tenant_id()
        AND ur.user_id = app_current_user_id()
        AND p_key = ANY (r.permissions))
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_program_ids(p_levels text[]) RETURNS uuid[]
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
  AS $$
    SELECT coalesce(array_agg(p.id), '{}')
    FROM program p
    WHERE p.tenant_id = app_current_tenant_id() AND p.access_level::text = ANY (p_levels)
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_unit_in_capture(p_tenant uuid, p_unit uuid) RETURNS boolean
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
  AS $$
    SELECT EXISTS (
      SELECT 1 FROM org_unit u
      WHERE u.tenant_id = p_tenant AND u.id = p_unit AND u.path <@ ANY (app_scope_paths('capture')))
  $$;
--> statement-breakpoint
-- "No new data on a closed unit": a unit takes data from its opening date until its closed date.
CREATE OR REPLACE FUNCTION app_unit_accepts_data(p_tenant uuid, p_unit uuid) RETURNS boolean
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
  AS $$
    SELECT EXISTS (
      SELECT 1 FROM org_unit u
      WHERE u.tenant_id = p_tenant AND u.id = p_unit
        AND (u.closed_date IS NULL OR u.closed_date > current_date)
        AND (u.opening_date IS NULL OR u.opening_date <= current_date))
  $$;
--> statement-breakpoint
-- Write access to a (person, program): owner in capture, or owner in the effective search scope
-- of an open or audited program; the all-powerful permission skips the check.
CREATE OR REPLACE FUNCTION app_pair_writable(p_tenant uuid, p_person uuid, p_program uuid) RETURNS boolean
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
  AS $$
    SELECT app_has_permission('accessAllRecords:trackedEntity') OR EXISTS (
      SELECT 1 FROM program_ownership o
      JOIN program p ON p.tenant_id = o.tenant_id AND p.id = o.program_id
      WHERE o.tenant_id = p_tenant AND o.tracked_entity_id = p_person AND o.program_id = p_program
        AND (o.owner_path <@ ANY (app_scope_paths('capture'))
             OR (p.access_level IN ('open', 'audited') AND o.owner_path <@ ANY (app_scope_paths('search')))))
  $$;
--> statement-breakpoint
-- Write access to a person's own attributes: some program gives write access, or, never
-- enrolled, the registration unit is in the effective search scope.
CREATE OR REPLACE FUNCTION app_person_writable(p_tenant uuid, p_person uuid) RETURNS boolean
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
  AS $$
    SELECT app_has_permission('accessAllRecords:trackedEntity')
      OR EXISTS (
        SELECT 1 FROM tracked_entity t
        WHERE t.tenant_id = p_tenant AND t.id = p_person AND NOT t.ever_enrolled
          AND t.registration_path <@ ANY (app_scope_paths('search')))
      OR EXISTS (
        SELECT 1 FROM program_ownership o
        JOIN program p ON p.tenant_id = o.tenant_id AND p.id = o.program_id
        WHERE o.tenant_id = p_tenant AND o.tracked_entity_id = p_person
          AND (o.owner_path <@ ANY (app_scope_paths('capture'))
               OR (p.access_level IN ('open', 'audited') AND o.owner_path <@ ANY (app_scope_paths('search')))))
  $$;
--> statement-breakpoint
-- Whether the caller may break the glass on a (person, program), judged on the whole tenant:
-- SECURITY DEFINER because the record is hidden from the caller by definition. It answers only
-- 'allowed' (protected, owner in the effective search scope but not in capture), 'has_access',
-- 'not_protected' (open/audited in scope: nothing to break) or 'not_found' — the same for a
-- closed program, an owner outside the search scope and a pair that does not exist.
CREATE OR REPLACE FUNCTION app_break_glass_target(p_person uuid, p_program uuid,
    OUT status text, OUT owner_unit_id uuid, OUT owner_path ltree)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  level text;
BEGIN
  status := 'not_found';
  SELECT o.owner_unit_id, o.owner_path, p.access_level::text INTO owner_unit_id, owner_path, level
    FROM program_ownership o
    JOIN program p ON p.tenant_id = o.tenant_id AND p.id = o.program_id
   WHERE o.tenant_id = app_current_tenant_id() AND o.tracked_entity_id = p_person AND o.program_id = p_program;
  IF NOT FOUND OR NOT (owner_path <@ ANY (app_scope_paths('search'))) THEN
    owner_unit_id := NULL;
    owner_path := NULL;
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
    owner_path := NULL;
  END IF;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_break_glass_target(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_break_glass_target(uuid, uuid) TO canopy_app;
--> statement-breakpoint
RESET check_function_bodies;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_has_permission(text), app_program_ids(text[]), app_unit_in_capture(uuid, uuid),
  app_unit_accepts_data(uuid, uuid), app_pair_writable(uuid, uuid, uuid), app_person_writable(uuid, uuid) TO canopy_app;
