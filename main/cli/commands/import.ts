/**
 * `factmark import <project> <file…> [--encoding LABEL] [--json]`: adds documents to a project
 * through the same pipeline as the app. Each file is imported on its own, on a worker thread of its
 * own (services/import/in-worker.ts); the exit code is 1 when any file was refused, and every
 * refusal is reported with its reason — a file that fails in any way never stops the ones after it.
 */
import { resolve } from 'node:path';
import type { DocumentSummary } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';
import { importFailure } from '../../services/import/failure.js';
import { importFileInWorker } from '../../services/import/in-worker.js';
import { addImported } from '../../services/store/use-cases/documents.js';
import type { Command } from '../command.js';
import { forExitingCommand } from '../exit-message.js';
import { stringOption, withProject } from '../with-project.js';

export const importCommand: Command = {
  summary: 'Import .txt, .md, .html, .docx and .pdf files into a project, with their text damage checked.',
  usage: '<project> <file…> [--encoding LABEL] [--json]',
  positionals: ['project', 'file'],
  variadic: true,
  options: { encoding: { type: 'string' }, json: { type: 'boolean' } },
  async run({ positionals: [projectPath = '', ...files], options }, io) {
    const encoding = stringOption(options.encoding);
    const results: { file: string; id?: string; title?: string; warnings?: number; error?: string }[] = [];
    const print = (): void => {
      if (options.json === true) io.out(`${JSON.stringify({ project: resolve(io.cwd, projectPath), imported: results })}\n`);
      else for (const r of results) io.out(r.error ? `refused  ${r.file}: ${r.error}\n` : `imported ${r.file} as "${r.title}" (${r.warnings} damage warning${r.warnings === 1 ? '' : 's'})\n`);
    };
    try {
      await withProject(projectPath, io, async (store) => {
        for (const file of files) {
          let added: { summary: DocumentSummary; warnings: number };
          try {
            const imported = await importFileInWorker(resolve(io.cwd, file), encoding === undefined ? {} : { encoding });
            added = { summary: await addImported(store, imported), warnings: imported.damage.length };
          } catch (error) {
            results.push({ file, error: forExitingCommand(importFailure(file, error).message) });
            continue;
          }
          // A document is reported imported only once it is on disk; a failed write stops the command (the next files would fail the same way).
          const status = await store.saveNow();
          if (status.error) {
            results.push({ file, error: 'not saved (see below)' });
            throw new FactmarkError(status.error.code as FactmarkError['code'], status.error.message);
          }
          results.push({ file, id: added.summary.id, title: added.summary.title, warnings: added.warnings });
        }
      });
    } finally {
      // Each document is committed as it is imported, so what was imported before a failure is said even when the command fails.
      print();
    }
    const refused = results.filter((r) => r.error).length;
    if (refused > 0) throw new FactmarkError('INVALID_ARGUMENT', `${refused} of ${files.length} file${files.length === 1 ? ' was' : 's were'} not imported.`);
  },
};
