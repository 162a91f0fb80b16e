-- Hand-ordered (issue 7): app_owner_readable ran a query for the owner unit's path whenever the
-- scope was too large to be bound as a unit set — ~0.04 ms for each candidate a district's prefix
-- search turned away. The decision is split: app_owner_decided answers from the bound settings
-- alone (NULL when it needs the path); only then does the policy look the unit up, as an index
-- probe in the statement's own plan, and app_owner_path_readable decides from the path with no
-- query. Only a protected program in the search scope still asks for the caller's grant.

-- Open and audited programs are readable in the search scope; protected ones under an active grant.
CREATE OR REPLACE FUNCTION app_program_readable_in_search(p_tenant uuid, p_person uuid, p_program uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
BEGIN
  IF p_program = ANY (public.app_program_ids('{open,audited}')) THEN
    RETURN true;
  END IF;
  RETURN p_program = ANY (public.app_program_ids('{protected}')) AND EXISTS (
    SELECT 1 FROM public.break_glass_grant g
    WHERE g.tenant_id = p_tenant AND g.user_id = public.app_current_user_id()
      AND g.tracked_entity_id = p_person AND g.program_id = p_program
      AND g.ended_at IS NULL AND g.expires_at > statement_timestamp());
END
$$;--> statement-breakpoint
-- DESIGN.md §2 for one (person, program) owned at a unit, from what the request bound: true or
-- false when that settles it, NULL when the owner unit's path is needed.
CREATE OR REPLACE FUNCTION app_owner_decided(p_tenant uuid, p_person uuid, p_program uuid, p_owner_unit uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
DECLARE
  unit_set uuid[];
BEGIN
  IF public.app_has_permission('accessAllRecords:trackedEntity') OR public.app_scope_covers_tree('capture') THEN
    RETURN true;
  END IF;
  unit_set := public.app_scope_unit_set('capture');
  IF unit_set IS NULL THEN
    RETURN NULL;
  ELSIF p_owner_unit = ANY (unit_set) THEN
    RETURN true;
  ELSIF NOT public.app_has_search_roots() THEN
    RETURN false;
  END IF;
  unit_set := public.app_scope_unit_set('search');
  IF unit_set IS NULL THEN
    RETURN NULL;
  ELSIF NOT p_owner_unit = ANY (unit_set) THEN
    RETURN false;
  END IF;
  RETURN public.app_program_readable_in_search(p_tenant, p_person, p_program);
END
$$;--> statement-breakpoint
-- The same rules from the owner unit's path (the all-records and whole-tree cases never get here).
CREATE OR REPLACE FUNCTION app_owner_path_readable(p_path ltree, p_tenant uuid, p_person uuid, p_program uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
BEGIN
  IF p_path OPERATOR(public.<@) ANY (public.app_scope_paths('capture')) THEN
    RETURN true;
  ELSIF NOT public.app_has_search_roots() OR NOT (p_path OPERATOR(public.<@) ANY (public.app_scope_paths('search'))) THEN
    RETURN false;
  END IF;
  RETURN public.app_program_readable_in_search(p_tenant, p_person, p_program);
END
$$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_program_readable_in_search(uuid, uuid, uuid), app_owner_decided(uuid, uuid, uuid, uuid),
  app_owner_path_readable(ltree, uuid, uuid, uuid) TO canopy_app;--> statement-breakpoint
ALTER POLICY "program_ownership_scope_read" ON "program_ownership" TO canopy_app USING (coalesce(app_owner_decided(tenant_id, tracked_entity_id, program_id, owner_unit_id),
        exists (select 1 from org_unit u where u.tenant_id = program_ownership.tenant_id and u.id = program_ownership.owner_unit_id
                and app_owner_path_readable(u.path, u.tenant_id, program_ownership.tracked_entity_id, program_ownership.program_id))));--> statement-breakpoint
DROP FUNCTION app_owner_readable(uuid, uuid, uuid, uuid);
