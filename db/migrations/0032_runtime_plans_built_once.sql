-- Hand-written (issue 7): requests send prepared statements, and under RLS a plan takes ~0.6 ms
-- to build (every policy's subplans and helpers are planned with it). PostgreSQL built a fresh
-- custom plan on every execution whenever its estimate for the generic plan looked worse — an
-- exact-identifier search spent 0.6 of its 0.75 ms planning, and the generic plan runs in 0.08 ms;
-- a clinic's latest 50 events went from 1.1 to 0.35 ms. The runtime role's sessions in this
-- database always reuse the generic plan; statements whose best plan depends on their values give
-- the planner what it needs in leakproof form instead (a prefix also as a key range, see the
-- search handler). Setting another role's defaults needs CREATEROLE (and, from PostgreSQL 16,
-- having created the role): without it the migration says what to run and goes on.
DO $$
BEGIN
  EXECUTE format('ALTER ROLE canopy_app IN DATABASE %I SET plan_cache_mode = force_generic_plan', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'Run as a superuser: ALTER ROLE canopy_app IN DATABASE % SET plan_cache_mode = force_generic_plan', quote_ident(current_database());
END
$$;
