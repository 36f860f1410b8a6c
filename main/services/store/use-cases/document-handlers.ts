/**
 * The documents' contract calls: adding (typed, pasted, imported from files or bytes), reading,
 * renaming and deleting documents, their edits (whole sends and patches, ../document-edits.ts),
 * reading a document again with another encoding or from its original, its revisions, metadata,
 * damage check and placing a span. Each call runs the use cases of ./documents.ts and the edits
 * on the project `open` gives; the import pipeline (../../import/) turns files into documents, each
 * on a worker thread of its own (../../import/in-worker.ts).
 */
import { FactmarkError } from '../../../../shared/result.js';
import { contentToText } from '../../../../shared/text.js';
import type { Handlers } from '../../../ipc/dispatch.js';
import { checkDamage } from '../../import/damage/index.js';
import { importFailure } from '../../import/failure.js';
import { importBytesInWorker, importFileInWorker, importPastedInWorker } from '../../import/in-worker.js';
import type { EventSink } from '../../types.js';
import type { OpenProject } from '../open-project.js';
import * as documents from './documents.js';

type DocumentCalls =
  | 'createDocument'
  | 'getDocument'
  | 'renameDocument'
  | 'deleteDocument'
  | 'updateDocumentContent'
  | 'patchDocumentContent'
  | 'importFiles'
  | 'importFileContent'
  | 'reimportDocument'
  | 'listRevisions'
  | 'restoreOriginal'
  | 'importPasted'
  | 'updateDocumentMeta'
  | 'checkDocumentDamage'
  | 'placeSpan';

/** The documents' contract calls on the project `open` gives (which throws when none is open); `emit` tells the renderers of accepted patches. */
export function documentHandlers(open: () => OpenProject, emit: EventSink): Pick<Handlers, DocumentCalls> {
  return {
    createDocument: ({ title, text }) => documents.createDocument(open(), title, text),
    getDocument: (id) => open().edits.openedDocument(id),
    renameDocument: (id, title) => documents.renameDocument(open(), id, title),
    deleteDocument: async (id) => {
      await documents.deleteDocument(open(), id);
      return null;
    },
    updateDocumentContent: (id, content, annotations, revision) => {
      const project = open();
      project.edits.updateDocumentContent(id, content, annotations, revision);
      return project.disk.status();
    },
    patchDocumentContent: async (id, patch) => {
      const project = open();
      await project.edits.patchDocumentContent(id, patch);
      emit('documentChanged', { documentId: id, version: patch.version, lastClaimNumber: project.disk.project.lastClaimNumber });
      return project.disk.status();
    },
    importFiles: async (paths, { encoding }) => {
      const project = open();
      const outcomes = [];
      for (const path of paths) {
        const fileName = path.split(/[\\/]/).pop() ?? path;
        try {
          const imported = await importFileInWorker(path, encoding === undefined ? {} : { encoding });
          outcomes.push({ fileName, document: await documents.addImported(project, imported), error: null });
        } catch (error) {
          // Each file's failure is its own outcome: the files after it still import.
          outcomes.push({ fileName, document: null, error: importFailure(fileName, error).toAppError() });
        }
      }
      return outcomes;
    },
    importFileContent: async ({ fileName, base64, encoding }) => {
      const project = open();
      const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
      return documents.addImported(project, await importBytesInWorker(fileName, bytes, encoding === undefined ? {} : { encoding }));
    },
    reimportDocument: async (id, encoding) => {
      const project = open();
      const document = (await project.disk.document(id)).db.data;
      const original = await project.disk.readOriginalBytes(id);
      if (!original || !['text', 'markdown', 'html'].includes(document.origin.format)) {
        throw new FactmarkError('UNSUPPORTED', `“${document.title}” was not imported from a text file, so there is no other encoding to read it with.`);
      }
      const again = await importBytesInWorker(document.origin.fileName, original, { encoding });
      // The annotations are placed again on the new text (orphans where they cannot be), and the
      // notices say how that went.
      return project.edits.replaceDocumentText(id, { content: again.content, origin: again.origin, damage: again.damage });
    },
    listRevisions: (id) => documents.listRevisions(open(), id),
    restoreOriginal: async (id) => {
      const project = open();
      const [held, content] = await Promise.all([project.disk.document(id), documents.originalContent(project, id)]);
      // As reading again does: the annotations are placed again, and the damage check runs on the restored text.
      return project.edits.replaceDocumentText(id, { content, origin: held.db.data.origin, damage: checkDamage(contentToText(content)) }, { reason: 'restore' });
    },
    importPasted: async (paste) => documents.addDocument(open(), await importPastedInWorker(paste)),
    updateDocumentMeta: async (id, { title, ...meta }) => {
      const project = open();
      if (title !== undefined) await documents.renameDocument(project, id, title);
      return documents.updateDocumentMeta(project, id, meta);
    },
    checkDocumentDamage: async (id) => {
      const project = open();
      const document = (await project.disk.document(id)).db.data;
      return documents.setDocumentDamage(project, id, checkDamage(contentToText(document.content)));
    },
    placeSpan: (documentId, anchor) => documents.placeSpan(open(), documentId, anchor),
  };
}
