ALTER TABLE "tenant" ADD COLUMN "metadata_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written (issue 7). The record page read its person's type attributes and programs'
-- metadata (five statements) on every request, and every search the type's attributes and the
-- tenant's record settings (a round trip of their own before the search could be written): the
-- same rows each time, changed only when an admin edits a type, program, stage or the settings.
-- A process now keeps them (server/records/metadata-cache.ts) for as long as the tenant's
-- metadata_version is the one its request read when it was bound (db/tenant-transaction.ts), and
-- this trigger raises the version with every row written to a metadata table — in the writing
-- transaction, so the new version and the new rows become visible together. Row by row, so that
-- any writer bumps the tenant the row belongs to (metadata writes are rare and small). SECURITY
-- DEFINER: no runtime role may write the column; under FORCE ROW LEVEL SECURITY the update
-- still reaches only the bound tenant's row, the only tenant whose metadata the writer could
-- change.
CREATE FUNCTION tenant_metadata_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
  AS $$
BEGIN
  UPDATE tenant SET metadata_version = metadata_version + 1
   WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
  RETURN NULL;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION tenant_metadata_changed() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER tracked_entity_type_metadata_changed AFTER INSERT OR UPDATE OR DELETE ON tracked_entity_type
  FOR EACH ROW EXECUTE FUNCTION tenant_metadata_changed();--> statement-breakpoint
CREATE TRIGGER tracked_entity_attribute_metadata_changed AFTER INSERT OR UPDATE OR DELETE ON tracked_entity_attribute
  FOR EACH ROW EXECUTE FUNCTION tenant_metadata_changed();--> statement-breakpoint
CREATE TRIGGER program_metadata_changed AFTER INSERT OR UPDATE OR DELETE ON program
  FOR EACH ROW EXECUTE FUNCTION tenant_metadata_changed();--> statement-breakpoint
CREATE TRIGGER program_attribute_metadata_changed AFTER INSERT OR UPDATE OR DELETE ON program_attribute
  FOR EACH ROW EXECUTE FUNCTION tenant_metadata_changed();--> statement-breakpoint
CREATE TRIGGER program_stage_metadata_changed AFTER INSERT OR UPDATE OR DELETE ON program_stage
  FOR EACH ROW EXECUTE FUNCTION tenant_metadata_changed();--> statement-breakpoint
CREATE TRIGGER data_element_metadata_changed AFTER INSERT OR UPDATE OR DELETE ON data_element
  FOR EACH ROW EXECUTE FUNCTION tenant_metadata_changed();
--> statement-breakpoint
-- The tenant's settings are kept with its metadata (a search reads the record settings on every
-- request): a change of settings raises the same version, in the same row.
CREATE FUNCTION tenant_settings_changed() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
  AS $$
BEGIN
  NEW.metadata_version := OLD.metadata_version + 1;
  RETURN NEW;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION tenant_settings_changed() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER tenant_settings_changed BEFORE UPDATE OF settings ON tenant
  FOR EACH ROW WHEN (NEW.settings IS DISTINCT FROM OLD.settings) EXECUTE FUNCTION tenant_settings_changed();
