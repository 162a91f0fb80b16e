-- Hand-written (issue 7): the protected-records hint of an identifying search matched the first
-- criterion with a CASE (prefix or exact), which no index can serve, so PostgreSQL walked from
-- the other side: every protected ownership in the caller's search scope. For a national user at
-- 2M people that was 2.7 s per search (the API answered 6 searches per second). The first value
-- is now also a key range on the search index (the range that holds an exact value and every
-- value starting with it, as the search handler gives it; the CASE still decides); a caller who
-- captures everywhere, reads every record, or has no search scope beyond their capture scope can
-- have no protected-only match and gets no query;
-- and the function is PL/pgSQL, so its plan is cached instead of built on every call (~5 ms).
CREATE OR REPLACE FUNCTION app_protected_matches(p_attribute_ids uuid[], p_values text[], p_prefix boolean[], p_limit integer)
  RETURNS TABLE (tracked_entity_id uuid, program_id uuid)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  IF cardinality(p_attribute_ids) < 1
     OR cardinality(p_attribute_ids) <> cardinality(p_values) OR cardinality(p_values) <> cardinality(p_prefix)
     OR app_has_permission('accessAllRecords:trackedEntity') OR app_scope_covers_tree('capture')
     OR NOT app_has_search_roots() THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT o.tracked_entity_id, o.program_id
    FROM tracked_entity_attribute_value v
    JOIN program_ownership o ON o.tenant_id = v.tenant_id AND o.tracked_entity_id = v.tracked_entity_id
    JOIN program p ON p.tenant_id = o.tenant_id AND p.id = o.program_id AND p.access_level = 'protected'
    JOIN org_unit u ON u.tenant_id = o.tenant_id AND u.id = o.owner_unit_id
    WHERE v.tenant_id = app_current_tenant_id()
      AND v.attribute_id = p_attribute_ids[1]
      AND v.search_value >= p_values[1] AND v.search_value < p_values[1] || chr(1114111)
      AND CASE WHEN p_prefix[1] THEN starts_with(v.search_value, p_values[1]) ELSE v.search_value = p_values[1] END
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
    LIMIT least(p_limit, 50);
END
$$;
