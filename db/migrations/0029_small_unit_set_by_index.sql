-- Hand-written (issue 7): 0027's app_small_unit_set joined the roots to org_unit in one query,
-- and the plan PL/pgSQL caches for it read every unit of the tenant when a scope is small (the
-- LIMIT never filled): app_bind took 405 ms for a clinic nurse at 100k units. Each root is now
-- read as its own key range with bound values, which the B-tree serves (as app_scope_unit_ids
-- does), and the walk stops as soon as the set outgrows 32 units.
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
               WHERE u.tenant_id = p_tenant AND u.path_key >= lo AND u.path_key < hi LIMIT 33)) AS x);
    IF cardinality(found) > 32 THEN
      RETURN NULL;
    END IF;
  END LOOP;
  RETURN found;
END
$$;
