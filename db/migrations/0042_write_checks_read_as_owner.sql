-- Hand-written (issue 7). The write checks (0031) ran as the caller, so each lookup inside them —
-- the person, their ownerships, the programs, the owner units — was filtered again by those
-- tables' read policies, with their own unit sets, owner probes and grant checks: judging the five
-- values of a registration cost the runtime role 0.35 ms more than the owner at S (0.87 against
-- 0.53 ms for the statement). The read policies can only hide rows these checks would refuse
-- anyway (a writable owner is in the capture scope, or in the search scope for an open or audited
-- program, and every such ownership is readable), so the checks now read as the owner
-- (SECURITY DEFINER) and ask for the bound tenant themselves, first: for another tenant's rows
-- they answer false whatever the caller's permissions (before, those rows were invisible to the
-- lookups, but an all-records caller was answered true before any lookup; the tenant policy
-- still refused the write). No SET search_path: measured, it made every call slower than reading
-- as the caller; every type and operator is named with its schema instead, as in 0037, so a
-- caller's search_path cannot change what they mean.
CREATE OR REPLACE FUNCTION app_pair_writable(p_tenant uuid, p_person uuid, p_program uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER
  AS $$
DECLARE
  capture_set pg_catalog.uuid[];
  search_set pg_catalog.uuid[];
  readable_levels public.access_level[] := '{open,audited}';
BEGIN
  IF NOT coalesce(p_tenant OPERATOR(pg_catalog.=) public.app_current_tenant_id(), false) THEN
    RETURN false;
  ELSIF public.app_has_permission('accessAllRecords:trackedEntity') THEN
    RETURN true;
  END IF;
  capture_set := public.app_scope_unit_set('capture');
  search_set := public.app_scope_unit_set('search');
  IF capture_set IS NOT NULL AND search_set IS NOT NULL THEN
    RETURN EXISTS (
      SELECT 1 FROM public.program_ownership o
      JOIN public.program p ON p.tenant_id OPERATOR(pg_catalog.=) o.tenant_id AND p.id OPERATOR(pg_catalog.=) o.program_id
      WHERE o.tenant_id OPERATOR(pg_catalog.=) p_tenant AND o.tracked_entity_id OPERATOR(pg_catalog.=) p_person
        AND o.program_id OPERATOR(pg_catalog.=) p_program
        AND (o.owner_unit_id OPERATOR(pg_catalog.=) ANY (capture_set)
             OR (p.access_level OPERATOR(pg_catalog.=) ANY (readable_levels) AND o.owner_unit_id OPERATOR(pg_catalog.=) ANY (search_set))));
  END IF;
  RETURN EXISTS (
    SELECT 1 FROM public.program_ownership o
    JOIN public.program p ON p.tenant_id OPERATOR(pg_catalog.=) o.tenant_id AND p.id OPERATOR(pg_catalog.=) o.program_id
    JOIN public.org_unit u ON u.tenant_id OPERATOR(pg_catalog.=) o.tenant_id AND u.id OPERATOR(pg_catalog.=) o.owner_unit_id
    WHERE o.tenant_id OPERATOR(pg_catalog.=) p_tenant AND o.tracked_entity_id OPERATOR(pg_catalog.=) p_person
      AND o.program_id OPERATOR(pg_catalog.=) p_program
      AND (u.path OPERATOR(public.<@) ANY (public.app_scope_paths('capture'))
           OR (p.access_level OPERATOR(pg_catalog.=) ANY (readable_levels) AND u.path OPERATOR(public.<@) ANY (public.app_scope_paths('search')))));
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_person_writable(p_tenant uuid, p_person uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER
  AS $$
DECLARE
  capture_set pg_catalog.uuid[];
  search_set pg_catalog.uuid[];
  readable_levels public.access_level[] := '{open,audited}';
BEGIN
  IF NOT coalesce(p_tenant OPERATOR(pg_catalog.=) public.app_current_tenant_id(), false) THEN
    RETURN false;
  ELSIF public.app_has_permission('accessAllRecords:trackedEntity') THEN
    RETURN true;
  END IF;
  capture_set := public.app_scope_unit_set('capture');
  search_set := public.app_scope_unit_set('search');
  IF capture_set IS NOT NULL AND search_set IS NOT NULL THEN
    RETURN EXISTS (
        SELECT 1 FROM public.tracked_entity t
        WHERE t.tenant_id OPERATOR(pg_catalog.=) p_tenant AND t.id OPERATOR(pg_catalog.=) p_person AND NOT t.ever_enrolled
          AND t.registration_unit_id OPERATOR(pg_catalog.=) ANY (search_set))
      OR EXISTS (
        SELECT 1 FROM public.program_ownership o
        JOIN public.program p ON p.tenant_id OPERATOR(pg_catalog.=) o.tenant_id AND p.id OPERATOR(pg_catalog.=) o.program_id
        WHERE o.tenant_id OPERATOR(pg_catalog.=) p_tenant AND o.tracked_entity_id OPERATOR(pg_catalog.=) p_person
          AND (o.owner_unit_id OPERATOR(pg_catalog.=) ANY (capture_set)
               OR (p.access_level OPERATOR(pg_catalog.=) ANY (readable_levels) AND o.owner_unit_id OPERATOR(pg_catalog.=) ANY (search_set))));
  END IF;
  RETURN EXISTS (
      SELECT 1 FROM public.tracked_entity t
      JOIN public.org_unit u ON u.tenant_id OPERATOR(pg_catalog.=) t.tenant_id AND u.id OPERATOR(pg_catalog.=) t.registration_unit_id
      WHERE t.tenant_id OPERATOR(pg_catalog.=) p_tenant AND t.id OPERATOR(pg_catalog.=) p_person AND NOT t.ever_enrolled
        AND u.path OPERATOR(public.<@) ANY (public.app_scope_paths('search')))
    OR EXISTS (
      SELECT 1 FROM public.program_ownership o
      JOIN public.program p ON p.tenant_id OPERATOR(pg_catalog.=) o.tenant_id AND p.id OPERATOR(pg_catalog.=) o.program_id
      JOIN public.org_unit u ON u.tenant_id OPERATOR(pg_catalog.=) o.tenant_id AND u.id OPERATOR(pg_catalog.=) o.owner_unit_id
      WHERE o.tenant_id OPERATOR(pg_catalog.=) p_tenant AND o.tracked_entity_id OPERATOR(pg_catalog.=) p_person
        AND (u.path OPERATOR(public.<@) ANY (public.app_scope_paths('capture'))
             OR (p.access_level OPERATOR(pg_catalog.=) ANY (readable_levels) AND u.path OPERATOR(public.<@) ANY (public.app_scope_paths('search')))));
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app_pair_writable(uuid, uuid, uuid), app_person_writable(uuid, uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_pair_writable(uuid, uuid, uuid), app_person_writable(uuid, uuid) TO canopy_app, canopy_app_wide;
