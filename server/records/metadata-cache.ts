import type { Transaction } from "@/db/client";
import { loadProgramsMeta, loadTypeAttributes, type AttributeMeta, type ProgramMeta, type StageMeta } from "./metadata";
import { loadRecordSettings, type RecordSettings } from "./record-settings";

/** What a request reads metadata with: its transaction, its tenant and the metadata version it was bound at. */
export type MetadataReader = { db: Transaction; tenant: { id: string }; metadataVersion: number };

type Held = { version: number; typeAttributes: Map<string, AttributeMeta[]>; programs: Map<string, ProgramMeta>; recordSettings: RecordSettings | null };

/**
 * A tenant's metadata and record settings as this process last read them, at one metadata
 * version. Types, attributes, programs, stages, data elements and settings change only when an
 * admin edits them, and each such write raises tenant.metadata_version in the writing
 * transaction (db/migrations/0057); a request reads
 * the version when it is bound (db/tenant-transaction.ts), so whatever is kept here for that
 * version is what the request would have read. Metadata is the same for every user of a tenant
 * (its tables' policies are tenant isolation alone), so one copy serves them all.
 *
 * Only what a request has read and that exists is kept (no entry for an unknown id, however many
 * a caller makes up), frozen, since every request shares it. Never fill it from a transaction that
 * writes metadata: it would keep rows that are not committed under the version read before them
 * (the admin handlers read metadata from server/records/metadata.ts directly).
 */
const heldByTenant = new Map<string, Held>();

function heldFor(reader: MetadataReader): Held | null {
  const version = reader.metadataVersion;
  if (!Number.isSafeInteger(version) || version < 0) return null;
  const current = heldByTenant.get(reader.tenant.id);
  if (current?.version === version) return current;
  // A request bound before the latest change reads for itself and keeps nothing.
  if (current && current.version > version) return null;
  const fresh: Held = { version, typeAttributes: new Map(), programs: new Map(), recordSettings: null };
  heldByTenant.set(reader.tenant.id, fresh);
  return fresh;
}

function frozen<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) frozen(inner);
  }
  return value;
}

/** A tracked-entity type's attributes in form order (loadTypeAttributes), kept while the metadata is unchanged. */
export async function typeAttributes(reader: MetadataReader, typeId: string): Promise<AttributeMeta[]> {
  const held = heldFor(reader);
  const kept = held?.typeAttributes.get(typeId);
  if (kept) return kept;
  const attributes = await loadTypeAttributes(reader.db, reader.tenant.id, typeId);
  if (attributes.length) held?.typeAttributes.set(typeId, frozen(attributes));
  return attributes;
}

/** Everything that validates the data of each program asked for that exists (loadProgramsMeta), kept likewise. */
export async function programsMeta(reader: MetadataReader, programIds: readonly string[]): Promise<Map<string, ProgramMeta>> {
  const held = heldFor(reader);
  const ids = [...new Set(programIds)];
  const missing = ids.filter((id) => !held?.programs.has(id));
  const loaded = missing.length ? await loadProgramsMeta(reader.db, reader.tenant.id, missing) : new Map<string, ProgramMeta>();
  for (const [id, meta] of loaded) held?.programs.set(id, frozen(meta));
  return new Map(
    ids.flatMap((id) => {
      const meta = held?.programs.get(id) ?? loaded.get(id);
      return meta ? [[id, meta] as const] : [];
    }),
  );
}

/** One program's metadata, or null when it does not exist. */
export async function programMeta(reader: MetadataReader, programId: string): Promise<ProgramMeta | null> {
  return (await programsMeta(reader, [programId])).get(programId) ?? null;
}

/** One stage of a program with its data elements, or null when the program has no such stage. */
export async function stageMeta(reader: MetadataReader, programId: string, stageId: string): Promise<StageMeta | null> {
  return (await programMeta(reader, programId))?.stages.find((stage) => stage.id === stageId) ?? null;
}

/** The tenant's record settings (loadRecordSettings), kept likewise. */
export async function recordSettingsOf(reader: MetadataReader): Promise<RecordSettings> {
  const held = heldFor(reader);
  if (held?.recordSettings) return held.recordSettings;
  const settings = await loadRecordSettings(reader.db, reader.tenant.id);
  if (held) held.recordSettings = frozen(settings);
  return settings;
}
