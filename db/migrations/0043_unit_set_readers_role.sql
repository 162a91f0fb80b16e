-- Hand-written (issue 7). A person's read policy holds the ownership policy inside it, and that
-- policy must serve every scope: bound unit sets for small ones, the owner unit's path looked up
-- for wide ones, a per-row function for search scopes reaching beyond capture. PostgreSQL sets
-- up every initplan and subplan of it on each execution, used or not: measured with perf on S
-- (pgbench, one client, server and client on one core), a facility nurse's point read spent
-- 34 µs of its 71 µs of server CPU in ExecutorStart (the owner's hand-written floor: 18 of 45)
-- and 14 µs in PL/pgSQL initplans, and read a person outside her scope at 3.1× the floor.
--
-- Most users (facility staff) have scopes small enough to be bound as unit sets (≤ 32 units,
-- app_small_unit_set), and for them the sets alone decide. A third runtime role carries plans
-- without the rest:
--
--   canopy_app_local: a login role with canopy_app's privileges and every one of its policies,
--   except that people and ownerships are read by the bound unit sets alone — an ownership in
--   the capture set, or in the search set (capture and search roots) for a program readable in
--   search (open and audited, protected under an active grant); a never-enrolled person by the
--   registration unit in the search set.
--
-- For a caller whose two sets are bound this is the scoped role's rule, term for term: the
-- capture set is exactly the units under the capture roots, the search set those under capture
-- and search roots, and app_owner_path_readable decides by those same roots. For anyone else it
-- shows less, never more: no bound set (a wide scope, no binding) compares with NULL and admits
-- nothing, and a caller who reads every record sees only their sets. Requests whose binding says
-- both sets are bound and the caller does not read every record use it (db/runtime-pools.ts);
-- test/integration/local-role.test.ts holds the roles' privileges and policies to each other and
-- compares what each shows. Same A/B as above: the nurse's read 1.80× → 1.21× the floor in scope,
-- 3.15× → 1.49× out of scope.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'canopy_app_local') THEN
    CREATE ROLE canopy_app_local LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
  END IF;
END
$$;
--> statement-breakpoint
ALTER ROLE canopy_app_local LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
--> statement-breakpoint
-- As for canopy_app (0032): the runtime roles reuse their generic plans.
DO $$
BEGIN
  EXECUTE format('ALTER ROLE canopy_app_local IN DATABASE %I SET plan_cache_mode = force_generic_plan', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'Run as a superuser: ALTER ROLE canopy_app_local IN DATABASE % SET plan_cache_mode = force_generic_plan', quote_ident(current_database());
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO canopy_app_local;
--> statement-breakpoint
-- Whether the bound caller is one canopy_app_local serves: both unit sets bound, and not a
-- reader of every record (who is served by canopy_app_wide and would see less here).
CREATE FUNCTION app_reads_by_unit_sets() RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
BEGIN
  RETURN public.app_bound() AND NOT public.app_reads_all_records()
    AND public.app_scope_unit_set('capture') IS NOT NULL AND public.app_scope_unit_set('search') IS NOT NULL;
END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_reads_by_unit_sets() TO canopy_app, canopy_app_wide;
--> statement-breakpoint
-- canopy_app's grants, copied: tables and sequences, columns, functions.
DO $$
DECLARE
  g record;
BEGIN
  FOR g IN
    SELECT c.oid::regclass AS rel, c.relkind, a.privilege_type
      FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
     WHERE c.relnamespace = 'public'::regnamespace AND a.grantee = 'canopy_app'::regrole
  LOOP
    EXECUTE format('GRANT %s ON %s %s TO canopy_app_local', g.privilege_type,
                   CASE WHEN g.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, g.rel);
  END LOOP;
  FOR g IN
    SELECT att.attrelid::regclass AS rel, att.attname, a.privilege_type
      FROM pg_attribute att JOIN pg_class c ON c.oid = att.attrelid
      CROSS JOIN LATERAL aclexplode(att.attacl) a
     WHERE c.relnamespace = 'public'::regnamespace AND a.grantee = 'canopy_app'::regrole
  LOOP
    EXECUTE format('GRANT %s (%I) ON TABLE %s TO canopy_app_local', g.privilege_type, g.attname, g.rel);
  END LOOP;
  FOR g IN
    SELECT p.oid::regprocedure AS fn
      FROM pg_proc p CROSS JOIN LATERAL aclexplode(p.proacl) a
     WHERE p.pronamespace = 'public'::regnamespace AND a.grantee = 'canopy_app'::regrole
       AND a.privilege_type = 'EXECUTE'
  LOOP
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO canopy_app_local', g.fn);
  END LOOP;
END
$$;
--> statement-breakpoint
-- canopy_app's policies (all restrictive: they narrow tenant isolation) apply to canopy_app_local
-- too, but for the two read policies it replaces below.
DO $$
DECLARE
  p record;
BEGIN
  FOR p IN
    SELECT pol.polname, pol.polrelid::regclass AS rel,
           array(SELECT quote_ident(r.rolname) FROM pg_roles r WHERE r.oid = ANY (pol.polroles) ORDER BY r.rolname) AS roles
      FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid
     WHERE 'canopy_app'::regrole = ANY (pol.polroles) AND c.relnamespace = 'public'::regnamespace
       AND (pol.polrelid::regclass::text, pol.polname) NOT IN
           (('tracked_entity', 'tracked_entity_scope_read'), ('program_ownership', 'program_ownership_scope_read'))
  LOOP
    EXECUTE format('ALTER POLICY %I ON %s TO %s, canopy_app_local', p.polname, p.rel, array_to_string(p.roles, ', '));
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE POLICY "tracked_entity_unit_set_read" ON "tracked_entity" AS RESTRICTIVE FOR SELECT TO "canopy_app_local"
  USING ((not ever_enrolled and registration_unit_id = any ((select app_scope_unit_set('search'))::uuid[]))
        or exists (select 1 from program_ownership o
                   where o.tenant_id = tracked_entity.tenant_id and o.tracked_entity_id = tracked_entity.id));
--> statement-breakpoint
CREATE POLICY "program_ownership_unit_set_read" ON "program_ownership" AS RESTRICTIVE FOR SELECT TO "canopy_app_local"
  USING (owner_unit_id = any ((select app_scope_unit_set('capture'))::uuid[])
        or (owner_unit_id = any ((select app_scope_unit_set('search'))::uuid[])
            and app_program_readable_in_search(tenant_id, tracked_entity_id, program_id)));
--> statement-breakpoint
-- The audit trail's guard (0030, 0040): no runtime role may purge or seal.
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  expected audit_event;
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('canopy.audit_retention', true) = 'purge'
     AND current_user NOT IN ('canopy_app', 'canopy_app_wide', 'canopy_app_local') THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND current_user NOT IN ('canopy_app', 'canopy_app_wide', 'canopy_app_local')
     AND OLD.seq = 0 AND OLD.hash = '' AND NEW.seq > 0 THEN
    expected := OLD;
    expected.seq := NEW.seq;
    expected.prev_hash := NEW.prev_hash;
    expected.hash := audit_event_hash(expected);
    IF expected IS NOT DISTINCT FROM NEW THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
