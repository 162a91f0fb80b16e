-- Hand-written (issue 7). A capture (register, enrol, first visit, three audit rows) cost the
-- database ~14 million instructions (callgrind, S, the runtime role); two of its triggers did
-- more work than their job needs.
--
-- 1. The audit hash. audit_event_canonical and audit_event_hash were SQL functions with
--    SET search_path, which PostgreSQL never inlines: every seal, and the append-only guard that
--    checks each seal, ran them as separate function calls, switching search_path twice per call.
--    Without the SET clause they inline into their callers (all of which pin search_path
--    themselves), and every function and type is named with its schema, so the text hashed does
--    not depend on the caller's search_path. STABLE, not IMMUTABLE: to_char and concat_ws are
--    STABLE, and an IMMUTABLE SQL function whose body is not is never inlined. The text hashed is
--    unchanged, byte for byte (test/integration/audit-chain.test.ts recomputes it in Node), so
--    every event sealed before this migration still verifies.
--
-- 2. The copy of a person's values on their row (0036). Its trigger ran once per value row and
--    updated the person's row each time: a registration's five values wrote five versions of the
--    person. Inserted values are now copied by one statement-level trigger, one UPDATE per person
--    per statement, from the statement's transition table; changes and removals keep the row
--    trigger (a trigger with a transition table may have only one event and no column list).
--    The copy is still applied as a change, so two writers of one person both land.
--
-- Measured (callgrind, S, one capture as the runtime role): 14.0 → 12.7 million instructions;
-- see README, Performance.

CREATE OR REPLACE FUNCTION audit_event_canonical(e audit_event) RETURNS text
  LANGUAGE sql STABLE
  AS $$
    SELECT pg_catalog.concat_ws(pg_catalog.chr(31),
      e.tenant_id::pg_catalog.text, e.seq::pg_catalog.text, e.id::pg_catalog.text,
      pg_catalog.to_char(pg_catalog.timezone('UTC', e.occurred_at), 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      coalesce(e.actor_user_id::pg_catalog.text, ''), coalesce(e.actor_name, ''), coalesce(e.api_client_id::pg_catalog.text, ''),
      e.action, coalesce(e.subject_type, ''), coalesce(e.subject_id, ''),
      coalesce(e.person_id::pg_catalog.text, ''), coalesce(e.program_id::pg_catalog.text, ''), coalesce(e.org_unit_id::pg_catalog.text, ''),
      coalesce(e.reason, ''), coalesce(e.request_id, ''), e.outcome, coalesce(e.ip, ''), coalesce(e.user_agent, ''),
      e.details::pg_catalog.text, coalesce(e.changes::pg_catalog.text, ''), e.prev_hash)
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_hash(e audit_event) RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(public.audit_event_canonical(e), 'UTF8')), 'hex') $$;
--> statement-breakpoint
-- SECURITY DEFINER for the same reason as attribute_value_copy_to_person (0036): the runtime role
-- has no UPDATE right on attribute_values, and each value row it inserted already passed the
-- value's write policy, which requires the person to be writable.
CREATE FUNCTION attribute_values_copy_inserted() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  UPDATE tracked_entity t SET attribute_values = t.attribute_values || v.added
    FROM (SELECT i.tenant_id, i.tracked_entity_id, jsonb_object_agg(i.attribute_id::text, i.value) AS added
            FROM inserted i GROUP BY i.tenant_id, i.tracked_entity_id) v
   WHERE t.tenant_id = v.tenant_id AND t.id = v.tracked_entity_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION attribute_values_copy_inserted() FROM PUBLIC;
--> statement-breakpoint
DROP TRIGGER attribute_value_copy_to_person ON tracked_entity_attribute_value;
--> statement-breakpoint
CREATE TRIGGER attribute_value_copy_to_person AFTER UPDATE OF value, attribute_id, tracked_entity_id OR DELETE ON tracked_entity_attribute_value
  FOR EACH ROW EXECUTE FUNCTION attribute_value_copy_to_person();
--> statement-breakpoint
CREATE TRIGGER attribute_values_copy_inserted AFTER INSERT ON tracked_entity_attribute_value
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION attribute_values_copy_inserted();
