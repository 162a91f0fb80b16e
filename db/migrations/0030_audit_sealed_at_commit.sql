-- Hand-written (issue 7): sealing each audit event as it was inserted locked the tenant's chain
-- head from an action's first audit row until its commit, client round trips included, so
-- concurrent writers of one tenant took turns: 16 clerks captured no faster than one (S: 145 vs
-- 144 tx/s). Events are now inserted unsealed and sealed by a deferred constraint trigger while
-- their transaction commits; the head is held only for the commit itself, and the chain follows
-- commit order. A rolled-back transaction seals nothing, as before.

DROP TRIGGER audit_event_seal ON audit_event;
--> statement-breakpoint
-- Whatever the caller passed, an event starts unsealed: only the commit-time seal numbers and
-- hashes it, so a forged number or hash never reaches the chain.
CREATE OR REPLACE FUNCTION audit_event_unsealed() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  NEW.seq := 0;
  NEW.prev_hash := '';
  NEW.hash := '';
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_unsealed BEFORE INSERT ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_unsealed();
--> statement-breakpoint
-- Runs at COMMIT, once per event in the order they were inserted: locks the head (until the
-- commit ends, so appends are serialized and never fork), links and hashes the event, and moves
-- the head. SECURITY DEFINER: the runtime role can neither update events nor touch the head.
CREATE OR REPLACE FUNCTION audit_event_seal() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  head audit_chain_head;
  sealed audit_event := NEW;
BEGIN
  INSERT INTO audit_chain_head (tenant_id) VALUES (NEW.tenant_id) ON CONFLICT (tenant_id) DO NOTHING;
  SELECT * INTO head FROM audit_chain_head WHERE tenant_id = NEW.tenant_id FOR UPDATE;
  sealed.seq := head.seq + 1;
  sealed.prev_hash := head.hash;
  sealed.hash := audit_event_hash(sealed);
  UPDATE audit_event SET seq = sealed.seq, prev_hash = sealed.prev_hash, hash = sealed.hash
   WHERE tenant_id = NEW.tenant_id AND occurred_at = NEW.occurred_at AND id = NEW.id;
  UPDATE audit_chain_head SET seq = sealed.seq, hash = sealed.hash WHERE tenant_id = NEW.tenant_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_event_seal AFTER INSERT ON audit_event
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_event_seal();
--> statement-breakpoint
-- Still append-only. The one update allowed is the seal's: an unsealed event (which only its own
-- transaction can see) gets its number, link and matching hash, and nothing else changes. The
-- runtime role has no UPDATE privilege at all; the retention job's switch still governs deletes.
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  expected audit_event;
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('canopy.audit_retention', true) = 'purge' AND current_user <> 'canopy_app' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND current_user <> 'canopy_app' AND OLD.seq = 0 AND OLD.hash = '' AND NEW.seq > 0 THEN
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
