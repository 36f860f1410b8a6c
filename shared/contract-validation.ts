/**
 * Runtime validation of the contract's arguments: one zod tuple per call. Main validates every
 * call with these before a handler runs (main/ipc/dispatch.ts). The compile-time check at the end
 * fails the build unless each schema infers exactly the arguments shared/contract.ts declares.
 */
import * as z from 'zod';
import { CONFLICT_CHOICES, THEMES, type CallArguments, type CallName, type Same } from './contract.js';
import type { ContentNode } from './model/document.js';
import { REPORT_LAYOUTS } from './report/input.js';
import { Anchor, Annotation, CLAIM_STATUSES, ClaimStatus, Colour, DateText, DocContent, Id, Line, LongText, RatingScale, RevisionNote, Source, UrlText } from './model/index.js';

/** A file-system path as the user gave it. Checked further (absolute) by the services. */
export const PathArg = z.string().min(1).max(4_096).refine((p) => !p.includes('\0'), 'a path has no NUL character');

/** A text-encoding label as the WHATWG Encoding standard names them (`utf-8`, `gbk`, `windows-1252`). */
const Encoding = z.string().min(1).max(40).regex(/^[A-Za-z0-9_.:-]+$/, 'an encoding label uses letters, digits and - _ . :');

/** A source as the analyst enters it: a {@link Source} without its id and times. */
const SourceDraftArg = Source.omit({ id: true, createdAt: true, updatedAt: true });

/** What to export; the format is checked against the report formats by the export service. */
const ReportRequestArg = z.strictObject({
  format: z.string().min(1).max(40),
  documentIds: z.array(Id).max(10_000),
  options: z.strictObject({
    statuses: z.array(ClaimStatus).max(CLAIM_STATUSES.length).readonly(),
    tagIds: z.array(Id).max(10_000).readonly(),
    text: z.enum(['full', 'excerpts']),
    includeNotes: z.boolean(),
    includeDamage: z.boolean(),
    anonymiseWithheld: z.boolean(),
    layout: z.enum(REPORT_LAYOUTS).optional(),
    reportUrl: UrlText.optional(),
  }),
  analyst: Line,
  organisation: z.strictObject({ name: Line.min(1), url: UrlText }).optional(),
});

/** Top-level blocks of a document: each as `DocContent` checks a node (shape, depth, sizes). */
const Blocks = z.custom<ContentNode[]>((value) => Array.isArray(value) && value.length <= 1_000_000 && DocContent.safeParse({ type: 'doc', content: value }).success, 'not blocks of a document');

/** A {@link ContentPatch}; its fit with the document it changes is checked by the store. */
const ContentPatchArg = z.strictObject({
  base: z.string().max(200).nullable(),
  version: z.string().min(1).max(200),
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  blocks: Blocks,
  annotations: z.array(Annotation).max(100_000),
  order: z.array(Id).max(100_000).optional(),
  revision: RevisionNote.optional(),
});

export const argumentSchemas = {
  getAppInfo: z.tuple([]),
  getSettings: z.tuple([]),
  setTheme: z.tuple([z.enum(THEMES)]),
  forgetRecentProject: z.tuple([PathArg]),
  createProject: z.tuple([z.strictObject({ path: PathArg, name: Line.min(1) })]),
  openProject: z.tuple([PathArg]),
  closeProject: z.tuple([]),
  getOpenProject: z.tuple([]),
  pickProjectToOpen: z.tuple([]),
  pickProjectToCreate: z.tuple([]),
  createDocument: z.tuple([z.strictObject({ title: Line.min(1), text: z.string().max(50_000_000) })]),
  getDocument: z.tuple([Id]),
  renameDocument: z.tuple([Id, Line.min(1)]),
  deleteDocument: z.tuple([Id]),
  updateDocumentContent: z.tuple([Id, DocContent, z.array(Annotation).max(100_000), RevisionNote.optional()]),
  patchDocumentContent: z.tuple([Id, ContentPatchArg]),
  saveNow: z.tuple([]),
  resolveConflict: z.tuple([z.enum(CONFLICT_CHOICES)]),
  openExternal: z.tuple([z.string().max(4_096)]),
  pickFilesToImport: z.tuple([]),
  importFiles: z.tuple([z.array(PathArg).min(1).max(1_000), z.strictObject({ encoding: Encoding.optional() })]),
  importFileContent: z.tuple([z.strictObject({ fileName: Line.min(1), base64: z.base64().max(70_000_000), encoding: Encoding.optional() })]),
  importPasted: z.tuple([z.strictObject({ text: z.string().max(50_000_000), html: z.string().max(50_000_000).optional(), title: Line.optional() })]),
  updateDocumentMeta: z.tuple([
    Id,
    z.strictObject({
      title: Line.min(1).optional(),
      sourceUrl: UrlText.optional(),
      outlet: Line.optional(),
      author: Line.optional(),
      published: DateText.nullable().optional(),
      retrieved: DateText.nullable().optional(),
      language: Line.optional(),
      direction: z.enum(['auto', 'ltr', 'rtl']).optional(),
    }),
  ]),
  checkDocumentDamage: z.tuple([Id]),
  reimportDocument: z.tuple([Id, Encoding]),
  listRevisions: z.tuple([Id]),
  restoreOriginal: z.tuple([Id]),
  createTag: z.tuple([z.strictObject({ name: Line, colour: Colour.optional(), description: LongText.optional(), parentId: Id.nullable().optional() })]),
  updateTag: z.tuple([Id, z.strictObject({ name: Line.optional(), colour: Colour.optional(), description: LongText.optional(), parentId: Id.nullable().optional() })]),
  deleteTag: z.tuple([Id]),
  mergeTags: z.tuple([Id, Id]),
  tagUsage: z.tuple([]),
  createSource: z.tuple([SourceDraftArg]),
  updateSource: z.tuple([Id, SourceDraftArg]),
  deleteSource: z.tuple([Id]),
  mergeSources: z.tuple([Id, Id]),
  sourceUsage: z.tuple([]),
  importSources: z.tuple([z.strictObject({ fileName: Line.min(1), text: z.string().max(50_000_000) })]),
  exportSources: z.tuple([]),
  saveRatingScale: z.tuple([RatingScale]),
  setActiveRatingScale: z.tuple([Id]),
  deleteRatingScale: z.tuple([Id]),
  listClaims: z.tuple([]),
  placeSpan: z.tuple([Id, Anchor]),
  buildReport: z.tuple([ReportRequestArg]),
  saveReport: z.tuple([ReportRequestArg]),
  setReportAddress: z.tuple([UrlText]),
} satisfies Record<CallName, z.ZodType>;

type Inferred = { [K in CallName]: z.infer<(typeof argumentSchemas)[K]> };
type Declared = { [K in CallName]: CallArguments[K] };
// Fails to compile when a schema and the contract's declared arguments drift apart.
const schemasMatchContract: Same<Inferred, Declared> = true;
void schemasMatchContract;
