/**
 * Schema migrations: files written by an older Factmark are brought forward one version at a time
 * before validation; files from a newer Factmark are refused untouched (security.md "Never lose
 * work"). The store keeps the original as `<file>.v<old>.bak` before writing a migrated file.
 */
import { SCHEMA_VERSION } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';
import { DEFAULT_SCALE_ID, PRESET_SCALES } from './rating-scales.js';

/** The kinds of stored file that carry a schema version. */
export type FileKind = 'project' | 'document';

/** A parsed JSON object, before validation. */
export type JsonObject = Record<string, unknown>;

/** Turns a file of schema N into schema N + 1; `migrate` sets `schemaVersion` itself. */
export type Migration = (data: JsonObject, kind: FileKind) => JsonObject;

/** Migrations keyed by the version they start from. */
export type MigrationTable = Readonly<Partial<Record<number, Migration>>>;

/**
 * The production migrations, keyed by the version they start from.
 * - 1 → 2 (claim records and verdicts): a project gains the preset rating scales (those it lacks,
 *   by id) and the truth scale becomes its active scale when it had none; a document only changes
 *   its version, since schema 2 reads every schema-1 document as it is.
 * - 2 → 3 (revisions): a document's current text becomes its original as imported (fingerprint
 *   kept, dated when it was imported, else created), with no revisions yet; the store writes that
 *   text to `documents/<id>.original.json` when it first loads the document (./revisions.ts). A
 *   project only changes its version.
 */
export const MIGRATIONS: MigrationTable = {
  1: (data, kind) => {
    if (kind === 'document') return data;
    const scales = Array.isArray(data.ratingScales) ? (data.ratingScales as JsonObject[]) : [];
    const known = new Set(scales.map((scale) => scale.id));
    return {
      ...data,
      ratingScales: [...scales, ...PRESET_SCALES.filter((preset) => !known.has(preset.id))],
      activeRatingScaleId: typeof data.activeRatingScaleId === 'string' ? data.activeRatingScaleId : DEFAULT_SCALE_ID,
    };
  },
  2: (data, kind) => {
    if (kind === 'project') return data;
    const origin = (data.origin ?? {}) as JsonObject;
    const at = typeof origin.importedAt === 'string' ? origin.importedAt : data.createdAt;
    return { ...data, original: { fingerprint: data.fingerprint, at }, revisions: [] };
  },
};

/** A file brought up to {@link SCHEMA_VERSION}, and the version it was written in. */
export interface Migrated {
  data: JsonObject;
  fromVersion: number;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function corrupt(reason: string): FactmarkError {
  return new FactmarkError('PROJECT_CORRUPT', reason);
}

/**
 * Brings `raw` from its `schemaVersion` up to {@link SCHEMA_VERSION} through `table`.
 * Throws `PROJECT_TOO_NEW` for a newer version and `PROJECT_CORRUPT` for a missing or unknown one.
 * Every message starts "This <kind> file": the caller puts the file's path in its place.
 */
export function migrate(raw: unknown, kind: FileKind, table: MigrationTable = MIGRATIONS): Migrated {
  if (!isJsonObject(raw)) throw corrupt(`This ${kind} file does not hold a JSON object.`);
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    throw corrupt(`This ${kind} file has no valid "schemaVersion".`);
  }
  if (version > SCHEMA_VERSION) {
    throw new FactmarkError(
      'PROJECT_TOO_NEW',
      `This ${kind} file was made by a newer Factmark (schema ${version}); this version reads up to ${SCHEMA_VERSION}; the file was not changed. Update Factmark to open it.`,
    );
  }
  let data = raw;
  for (let from = version; from < SCHEMA_VERSION; from++) {
    const step = table[from];
    if (!step) throw corrupt(`This ${kind} file has schema ${version}, which this Factmark cannot read (no migration from schema ${from}).`);
    try {
      data = { ...step(data, kind), schemaVersion: from + 1 };
    } catch (error) {
      throw corrupt(`This ${kind} file could not be migrated from schema ${from}: ${error instanceof Error ? error.message : String(error)}.`);
    }
  }
  return { data, fromVersion: version };
}
