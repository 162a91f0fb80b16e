-- Hand-written (issue 7). A scope is bound as its complete unit set (0027, 0029) — and read on the
-- local runtime role (0043) when both its sets exist — up to 64 units instead of 32. A subdistrict
-- (~50 units at size M: the bench's nurse, who captures at her facility and searches her
-- subdistrict) was one unit set too wide and read on canopy_app, whose ownership policy sets up
-- the owner-path machinery for every statement. Measured on M (pgbench, one client, client and
-- server pinned to one core, three interleaved rounds, medians): her point read in capture scope
-- 0.192 → 0.150 ms, in search scope 0.300 → 0.208, out of scope 0.278 → 0.211; app_bind with
-- the 50-unit set 0.52 → 0.54 ms (within the spread). A district (~125 units at S, ~1,250 at M) stays a lookup.
-- Same walk as 0029: each root read as its own key range, stopping as soon as the set outgrows
-- the bound.
CREATE OR REPLACE FUNCTION app_small_unit_set(p_tenant uuid, p_roots ltree[]) RETURNS uuid[]
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  root ltree;
  lo text;
  hi text;
  found uuid[] := '{}';
BEGIN
  FOREACH root IN ARRAY p_roots LOOP
    lo := root::text;
    hi := lo || '/';
    -- Roots may nest (a search root above a capture root): each unit counts once.
    found := ARRAY(SELECT DISTINCT x FROM unnest(found || ARRAY(
               SELECT u.id FROM org_unit u
               WHERE u.tenant_id = p_tenant AND u.path_key >= lo AND u.path_key < hi LIMIT 65)) AS x);
    IF cardinality(found) > 64 THEN
      RETURN NULL;
    END IF;
  END LOOP;
  RETURN found;
END
$$;
