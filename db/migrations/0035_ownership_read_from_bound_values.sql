-- Hand-ordered (issue 7). The ownership read policy called two PL/pgSQL functions for every
-- ownership it judged (app_owner_decided, then app_owner_path_readable), each re-reading the
-- request binding: half of a district's name-prefix search at 2M people went to turning away
-- the nation's other matches (56 → 28 ms). The binding is now read by initplans, once per
-- statement, and each row pays a comparison and, for a wide scope, one index probe.
--
-- The binding's readers become PL/pgSQL. Inlined, each initplan was its expression written
-- out — three settings compared, arrays cast — and the executor prepares every initplan of
-- every policy copy on each execution, used or not: a national user's point read spent more
-- on preparing the ownership checks it never ran than on reading the person. Behind a
-- function call each is one step to prepare; the per-row callers are PL/pgSQL already.
CREATE OR REPLACE FUNCTION app_has_permission(p_key text) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
BEGIN
  IF public.app_bound() THEN
    RETURN p_key = ANY (current_setting('app.bound_permissions')::text[]);
  END IF;
  RETURN public.app_has_permission_now(p_key);
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_scope_covers_tree(p_kind scope_kind) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
BEGIN
  IF public.app_bound() AND p_kind IN ('capture', 'search') THEN
    RETURN current_setting('app.bound_' || p_kind::text || '_whole_tree')::boolean;
  END IF;
  RETURN public.app_scope_covers_tree_now(p_kind);
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_has_search_roots() RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
BEGIN
  IF public.app_bound() THEN
    RETURN current_setting('app.bound_search_roots')::boolean;
  END IF;
  RETURN public.app_has_search_roots_now();
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_scope_paths(p_kind scope_kind) RETURNS ltree[]
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
BEGIN
  IF public.app_bound() AND p_kind IN ('capture', 'search') THEN
    RETURN current_setting('app.bound_' || p_kind::text)::public.ltree[];
  END IF;
  RETURN public.app_scope_paths_now(p_kind);
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_scope_unit_set(p_kind scope_kind) RETURNS uuid[]
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
BEGIN
  IF public.app_bound() AND p_kind IN ('capture', 'search')
     AND current_setting('app.bound_' || p_kind::text || '_set') <> '' THEN
    RETURN current_setting('app.bound_' || p_kind::text || '_set')::uuid[];
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Every record is readable: the all-records permission, or a capture scope over the whole tree.
CREATE FUNCTION app_reads_all_records() RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
BEGIN
  RETURN public.app_has_permission('accessAllRecords:trackedEntity') OR public.app_scope_covers_tree('capture');
END
$$;--> statement-breakpoint
-- Whether an ownership outside the bound capture unit set may still be readable, so its owner
-- unit's path must be looked up: no set was bound (a wide scope), or a search scope reaches
-- beyond capture.
CREATE FUNCTION app_owner_needs_path() RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
BEGIN
  RETURN public.app_scope_unit_set('capture') IS NULL OR public.app_has_search_roots();
END
$$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_reads_all_records(), app_owner_needs_path() TO canopy_app;--> statement-breakpoint
ALTER POLICY "program_ownership_scope_read" ON "program_ownership" TO canopy_app USING ((select app_reads_all_records())
        or owner_unit_id = any ((select app_scope_unit_set('capture'))::uuid[])
        or ((select app_owner_needs_path())
            and exists (select 1 from org_unit u
                        where u.tenant_id = program_ownership.tenant_id and u.id = program_ownership.owner_unit_id
                          and (u.path <@ any ((select app_scope_paths('capture'))::ltree[])
                               or ((select app_has_search_roots())
                                   and app_owner_path_readable(u.path, u.tenant_id, program_ownership.tracked_entity_id, program_ownership.program_id))))));--> statement-breakpoint
DROP FUNCTION app_owner_decided(uuid, uuid, uuid, uuid);
