-- Hand-written (drizzle-kit cannot partition a table): the audit trail becomes one table
-- partitioned by month, with the columns regulators ask for, and each tenant's events become a
-- hash chain sealed by a trigger. Existing events are copied in their order and chained.
CREATE TABLE audit_event_before_0019 AS SELECT * FROM audit_event;
--> statement-breakpoint
DROP TABLE audit_event;
--> statement-breakpoint
CREATE TABLE audit_event (
  tenant_id uuid NOT NULL,
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  occurred_at timestamp with time zone DEFAULT now() NOT NULL,
  seq bigint DEFAULT 0 NOT NULL,
  actor_user_id uuid,
  actor_name text,
  api_client_id uuid,
  action text NOT NULL,
  subject_type text,
  subject_id text,
  person_id uuid,
  program_id uuid,
  org_unit_id uuid,
  reason text,
  request_id text,
  outcome text DEFAULT 'success' NOT NULL,
  ip text,
  user_agent text,
  details jsonb DEFAULT '{}'::jsonb NOT NULL,
  changes jsonb,
  prev_hash text DEFAULT '' NOT NULL,
  hash text DEFAULT '' NOT NULL,
  CONSTRAINT audit_event_tenant_id_occurred_at_id_pk PRIMARY KEY (tenant_id, occurred_at, id),
  CONSTRAINT audit_event_tenant_id_actor_user_id_user_account_tenant_id_id_fk
    FOREIGN KEY (tenant_id, actor_user_id) REFERENCES user_account (tenant_id, id)
) PARTITION BY RANGE (occurred_at);
--> statement-breakpoint
-- Events outside every monthly partition land here rather than fail the action they record.
CREATE TABLE audit_event_default PARTITION OF audit_event DEFAULT;
--> statement-breakpoint
-- Monthly partitions from `p_from` through `p_months_ahead` months after now; idempotent. Run by
-- every migration (db/migrator.ts) so a deployment always has a year of partitions ahead.
CREATE OR REPLACE FUNCTION audit_ensure_partitions(p_from timestamptz, p_months_ahead integer) RETURNS integer
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  month date := date_trunc('month', least(p_from, now()))::date;
  last_month date := (date_trunc('month', now()) + make_interval(months => p_months_ahead))::date;
  name text;
  created integer := 0;
BEGIN
  WHILE month <= last_month LOOP
    name := 'audit_event_' || to_char(month, 'YYYY_MM');
    IF to_regclass('public.' || name) IS NULL THEN
      EXECUTE format('CREATE TABLE public.%I PARTITION OF public.audit_event FOR VALUES FROM (%L) TO (%L)',
                     name, month::timestamptz, (month + interval '1 month')::timestamptz);
      created := created + 1;
    END IF;
    month := (month + interval '1 month')::date;
  END LOOP;
  RETURN created;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_ensure_partitions(timestamptz, integer) FROM PUBLIC;
--> statement-breakpoint
SELECT audit_ensure_partitions(coalesce((SELECT min(occurred_at) FROM audit_event_before_0019), now()), 12);
--> statement-breakpoint
CREATE INDEX audit_event_tenant_id_occurred_at_index ON audit_event (tenant_id, occurred_at);
--> statement-breakpoint
CREATE INDEX audit_chain_order ON audit_event (tenant_id, seq);
--> statement-breakpoint
CREATE INDEX audit_by_actor ON audit_event (tenant_id, actor_user_id, occurred_at);
--> statement-breakpoint
CREATE INDEX audit_by_action ON audit_event (tenant_id, action, occurred_at);
--> statement-breakpoint
CREATE INDEX audit_subject ON audit_event (tenant_id, subject_type, subject_id, occurred_at);
--> statement-breakpoint
CREATE INDEX audit_by_person ON audit_event (tenant_id, person_id, occurred_at) WHERE person_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX audit_by_program ON audit_event (tenant_id, program_id, occurred_at) WHERE program_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX audit_by_org_unit ON audit_event (tenant_id, org_unit_id, occurred_at) WHERE org_unit_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX audit_sign_in_email ON audit_event (tenant_id, (details->>'email'), occurred_at) WHERE action = 'sign_in';
--> statement-breakpoint
CREATE INDEX audit_sign_in_ip ON audit_event (tenant_id, ip, occurred_at) WHERE action = 'sign_in';
--> statement-breakpoint
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_event AS PERMISSIVE FOR ALL TO public
  USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_event TO canopy_app;
--> statement-breakpoint
CREATE TABLE audit_chain_head (
  tenant_id uuid PRIMARY KEY NOT NULL REFERENCES tenant (id),
  seq bigint DEFAULT 0 NOT NULL,
  hash text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE audit_purge (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  purged_at timestamp with time zone DEFAULT now() NOT NULL,
  older_than timestamp with time zone NOT NULL,
  events bigint NOT NULL,
  through_seq bigint NOT NULL,
  through_hash text NOT NULL,
  CONSTRAINT audit_purge_tenant_id_id_pk PRIMARY KEY (tenant_id, id)
);
--> statement-breakpoint
CREATE INDEX audit_purge_tenant_id_through_seq_index ON audit_purge (tenant_id, through_seq);
--> statement-breakpoint
ALTER TABLE audit_chain_head ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_chain_head FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_chain_head AS PERMISSIVE FOR ALL TO public
  USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));
--> statement-breakpoint
ALTER TABLE audit_purge ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_purge FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_purge AS PERMISSIVE FOR ALL TO public
  USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));
--> statement-breakpoint
-- The runtime role reads the chain's end and the purge records (for "Verify integrity"); only
-- the sealing trigger and the retention job write them.
GRANT SELECT ON audit_chain_head, audit_purge TO canopy_app;
--> statement-breakpoint
-- What an event's hash seals: every column but the hash itself, in a fixed order and format,
-- with the previous event's hash last. jsonb prints its keys in one canonical order.
CREATE OR REPLACE FUNCTION audit_event_canonical(e audit_event) RETURNS text
  LANGUAGE sql IMMUTABLE
  SET search_path = pg_catalog, public
  AS $$
    SELECT concat_ws(chr(31),
      e.tenant_id::text, e.seq::text, e.id::text,
      to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      coalesce(e.actor_user_id::text, ''), coalesce(e.actor_name, ''), coalesce(e.api_client_id::text, ''),
      e.action, coalesce(e.subject_type, ''), coalesce(e.subject_id, ''),
      coalesce(e.person_id::text, ''), coalesce(e.program_id::text, ''), coalesce(e.org_unit_id::text, ''),
      coalesce(e.reason, ''), coalesce(e.request_id, ''), e.outcome, coalesce(e.ip, ''), coalesce(e.user_agent, ''),
      e.details::text, coalesce(e.changes::text, ''), e.prev_hash)
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_hash(e audit_event) RETURNS text
  LANGUAGE sql IMMUTABLE
  SET search_path = pg_catalog, public
  AS $$ SELECT encode(sha256(convert_to(audit_event_canonical(e), 'UTF8')), 'hex') $$;
--> statement-breakpoint
-- Seals each new event onto its tenant's chain. The head row is locked until the transaction
-- ends, so appends to one chain are serialized (never forked) while other tenants proceed; a
-- rolled-back append rolls the head back with it. SECURITY DEFINER: the runtime role cannot
-- touch the head itself.
CREATE OR REPLACE FUNCTION audit_event_seal() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  head audit_chain_head;
BEGIN
  INSERT INTO audit_chain_head (tenant_id) VALUES (NEW.tenant_id) ON CONFLICT (tenant_id) DO NOTHING;
  SELECT * INTO head FROM audit_chain_head WHERE tenant_id = NEW.tenant_id FOR UPDATE;
  NEW.seq := head.seq + 1;
  NEW.prev_hash := head.hash;
  NEW.hash := audit_event_hash(NEW);
  UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE tenant_id = NEW.tenant_id;
  RETURN NEW;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_event_seal() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER audit_event_seal BEFORE INSERT ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_seal();
--> statement-breakpoint
INSERT INTO audit_event (tenant_id, id, occurred_at, actor_user_id, action, subject_type, subject_id, outcome, ip, user_agent, details)
  SELECT tenant_id, id, occurred_at, actor_user_id, action, subject_type, subject_id, outcome, ip, user_agent, details
  FROM audit_event_before_0019
  ORDER BY tenant_id, occurred_at, id;
--> statement-breakpoint
DROP TABLE audit_event_before_0019;
--> statement-breakpoint
-- Append-only for everyone; only the retention job, connected as the owner and saying so for its
-- transaction, may delete (and it records what it removed in audit_purge).
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('canopy.audit_retention', true) = 'purge' AND current_user <> 'canopy_app' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
--> statement-breakpoint
-- Recomputes a tenant's chain in order and reports the first broken link: a gap in the
-- numbering, a link that does not match the previous hash, content that does not match its own
-- hash, or an end that differs from the head (events removed from the end).
CREATE OR REPLACE FUNCTION audit_verify_chain(p_tenant uuid,
    OUT checked bigint, OUT broken_seq bigint, OUT broken_id uuid, OUT problem text)
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  e audit_event;
  expected_seq bigint;
  expected_prev text;
  head audit_chain_head;
BEGIN
  checked := 0;
  SELECT coalesce(max(through_seq), 0) + 1 INTO expected_seq FROM audit_purge WHERE tenant_id = p_tenant;
  SELECT coalesce((SELECT through_hash FROM audit_purge WHERE tenant_id = p_tenant ORDER BY through_seq DESC LIMIT 1), '')
    INTO expected_prev;
  FOR e IN SELECT * FROM audit_event WHERE tenant_id = p_tenant ORDER BY seq LOOP
    IF e.seq <> expected_seq THEN
      broken_seq := e.seq; broken_id := e.id;
      problem := format('events %s to %s are missing', expected_seq, e.seq - 1);
      RETURN;
    END IF;
    IF e.prev_hash <> expected_prev THEN
      broken_seq := e.seq; broken_id := e.id; problem := 'does not link to the event before it';
      RETURN;
    END IF;
    IF e.hash <> audit_event_hash(e) THEN
      broken_seq := e.seq; broken_id := e.id; problem := 'its content does not match its hash';
      RETURN;
    END IF;
    checked := checked + 1;
    expected_seq := e.seq + 1;
    expected_prev := e.hash;
  END LOOP;
  SELECT * INTO head FROM audit_chain_head WHERE tenant_id = p_tenant;
  IF coalesce(head.seq, 0) <> expected_seq - 1 OR coalesce(head.hash, '') <> expected_prev THEN
    broken_seq := expected_seq; problem := format('events %s to %s are missing from the end', expected_seq, head.seq);
  END IF;
END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_verify_chain(uuid) TO canopy_app;
