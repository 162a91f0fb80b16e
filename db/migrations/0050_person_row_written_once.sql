-- Hand-written (issue 7). A registration with an enrolment wrote the person's row three times:
-- the insert (its copy of the values forced empty, 0036), the copy of the values inserted after
-- it (0044), and ever_enrolled set by the first ownership (0018). Each update of a row inserted
-- in the same transaction writes a new version and re-runs the row's foreign-key checks, which
-- PostgreSQL cannot skip for such a row.
--
-- Now the writer may insert the person as they will be at commit: their copy of the values and
-- ever_enrolled already filled. The triggers that maintain both leave such a row alone (the
-- copy already holds what was inserted; ever_enrolled is already true), and a check at commit
-- proves the row says what the value and ownership rows say, so a writer still cannot make the
-- copy say anything else, nor hide a person by marking them enrolled without a program: before
-- this migration any writer could insert ever_enrolled = true. A row inserted with an empty copy
-- and ever_enrolled false has nothing to prove and is maintained by the triggers as before.

-- The copy of inserted values skips a person whose copy already holds them. Values are inserted
-- only for attributes the person has none of (the primary key), so an existing person's copy
-- (kept equal to their value rows) never holds them already: only a person inserted with their
-- values does, and the check below proves that copy at commit.
CREATE OR REPLACE FUNCTION attribute_values_copy_inserted() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  UPDATE tracked_entity t SET attribute_values = t.attribute_values || v.added
    FROM (SELECT i.tenant_id, i.tracked_entity_id, jsonb_object_agg(i.attribute_id::text, i.value) AS added
            FROM inserted i GROUP BY i.tenant_id, i.tracked_entity_id) v
   WHERE t.tenant_id = v.tenant_id AND t.id = v.tracked_entity_id AND NOT t.attribute_values @> v.added;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER tracked_entity_values_start_empty ON tracked_entity;
--> statement-breakpoint
DROP FUNCTION tracked_entity_values_start_empty();
--> statement-breakpoint
-- At commit, for a person inserted with anything filled: their row as it is then (later writes
-- of the same transaction included) against their value rows and ownerships. SECURITY DEFINER so
-- that what the caller's policies hide still counts. The check binds the person's own tenant for
-- its reads (the SET clause restores the caller's binding on exit), so that a transaction which
-- bound another tenant before committing cannot hide the row from its check.
CREATE FUNCTION tracked_entity_check_filled_at_insert() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
  SET app.tenant_id = ''
  AS $$
BEGIN
  PERFORM set_config('app.tenant_id', NEW.tenant_id::text, true);
  -- One statement in the common case (the row is right); which part is wrong only on failure.
  PERFORM 1 FROM tracked_entity t
   WHERE t.tenant_id = NEW.tenant_id AND t.id = NEW.id
     AND (t.attribute_values IS DISTINCT FROM (
            SELECT coalesce(jsonb_object_agg(v.attribute_id::text, v.value), '{}'::jsonb)
              FROM tracked_entity_attribute_value v
             WHERE v.tenant_id = t.tenant_id AND v.tracked_entity_id = t.id)
          OR t.ever_enrolled IS DISTINCT FROM EXISTS (
            SELECT 1 FROM program_ownership o WHERE o.tenant_id = t.tenant_id AND o.tracked_entity_id = t.id));
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM tracked_entity t WHERE t.tenant_id = NEW.tenant_id AND t.id = NEW.id
               AND t.ever_enrolled IS DISTINCT FROM EXISTS (
                 SELECT 1 FROM program_ownership o WHERE o.tenant_id = t.tenant_id AND o.tracked_entity_id = t.id)) THEN
    RAISE EXCEPTION 'A person is marked enrolled only once a program holds them.'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'tracked_entity_enrolled_matches';
  END IF;
  RAISE EXCEPTION 'A person''s row must hold exactly the values written for them.'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'tracked_entity_values_match';
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tracked_entity_check_filled_at_insert() FROM PUBLIC;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER tracked_entity_check_filled_at_insert AFTER INSERT ON tracked_entity
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW.attribute_values <> '{}'::jsonb OR NEW.ever_enrolled)
  EXECUTE FUNCTION tracked_entity_check_filled_at_insert();
