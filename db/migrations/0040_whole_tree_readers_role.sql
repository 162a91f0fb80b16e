-- Hand-written (issue 7). PostgreSQL prepares every initplan and subplan of a statement's
-- policies on each execution, whether they run or not. A person's read policy holds the
-- ownership policy inside it, about a dozen plans, so a caller who reads every record paid for
-- all of them (~0.1 ms on a 0.1 ms point read) although the first initplan already said yes.
-- A role's policies are fixed when a statement is planned, so a second runtime role can carry
-- plans without them:
--
--   canopy_app_wide: a login role with canopy_app's privileges and every one of its policies,
--   except that people and ownerships are read under a single rule, "the bound caller reads
--   every record" (the all-records permission or a capture scope over the whole tree).
--
-- Requests of callers who read every record use it (db/runtime-pools.ts). It can never show
-- more than canopy_app: for such a caller both roles admit every person and ownership of the
-- tenant, and for anyone else canopy_app_wide admits none. Enrolments, events, values and
-- protected programs keep the same policies on both roles. test/integration/wide-role.test.ts
-- holds the two roles' privileges and policies to each other, so a later migration that grants
-- or adds a policy to one role alone fails the tests.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'canopy_app_wide') THEN
    CREATE ROLE canopy_app_wide LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
  END IF;
END
$$;
--> statement-breakpoint
ALTER ROLE canopy_app_wide LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO canopy_app_wide;
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
    EXECUTE format('GRANT %s ON %s %s TO canopy_app_wide', g.privilege_type,
                   CASE WHEN g.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, g.rel);
  END LOOP;
  FOR g IN
    SELECT att.attrelid::regclass AS rel, att.attname, a.privilege_type
      FROM pg_attribute att JOIN pg_class c ON c.oid = att.attrelid
      CROSS JOIN LATERAL aclexplode(att.attacl) a
     WHERE c.relnamespace = 'public'::regnamespace AND a.grantee = 'canopy_app'::regrole
  LOOP
    EXECUTE format('GRANT %s (%I) ON TABLE %s TO canopy_app_wide', g.privilege_type, g.attname, g.rel);
  END LOOP;
  FOR g IN
    SELECT p.oid::regprocedure AS fn
      FROM pg_proc p CROSS JOIN LATERAL aclexplode(p.proacl) a
     WHERE p.pronamespace = 'public'::regnamespace AND a.grantee = 'canopy_app'::regrole
       AND a.privilege_type = 'EXECUTE'
  LOOP
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO canopy_app_wide', g.fn);
  END LOOP;
END
$$;
--> statement-breakpoint
-- canopy_app's policies (all restrictive: they narrow tenant isolation) apply to both roles,
-- but for the two read policies the wide role replaces below.
DO $$
DECLARE
  p record;
BEGIN
  FOR p IN
    SELECT pol.polname, pol.polrelid::regclass AS rel, pol.polroles
      FROM pg_policy pol
     WHERE 'canopy_app'::regrole = ANY (pol.polroles)
       AND (pol.polrelid::regclass::text, pol.polname) NOT IN
           (('tracked_entity', 'tracked_entity_scope_read'), ('program_ownership', 'program_ownership_scope_read'))
  LOOP
    IF cardinality(p.polroles) <> 1 THEN
      RAISE EXCEPTION 'policy % on % names roles besides canopy_app', p.polname, p.rel;
    END IF;
    EXECUTE format('ALTER POLICY %I ON %s TO canopy_app, canopy_app_wide', p.polname, p.rel);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE POLICY "tracked_entity_whole_tree_read" ON "tracked_entity" AS RESTRICTIVE FOR SELECT TO "canopy_app_wide"
  USING ((select app_reads_all_records()));
--> statement-breakpoint
CREATE POLICY "program_ownership_whole_tree_read" ON "program_ownership" AS RESTRICTIVE FOR SELECT TO "canopy_app_wide"
  USING ((select app_reads_all_records()));
--> statement-breakpoint
-- The audit trail's guard (0030) let anyone but the runtime role purge (with the retention
-- job's switch) or seal; neither runtime role may do either. Same body, both roles named.
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  expected audit_event;
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('canopy.audit_retention', true) = 'purge'
     AND current_user NOT IN ('canopy_app', 'canopy_app_wide') THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND current_user NOT IN ('canopy_app', 'canopy_app_wide')
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
