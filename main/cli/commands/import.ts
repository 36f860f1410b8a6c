/**
 * `factmark import <project> <file…> [--encoding LABEL] [--json]`: adds documents to a project
 * through the same pipeline as the app. Each file is imported on its own; the exit code is 1 when
 * any file was refused, and every refusal is reported with its reason.
 */
import { resolve } from 'node:path';
import { FactmarkError } from '../../../shared/result.js';
import { addImported } from '../../services/store/use-cases/documents.js';
import { importFile } from '../../services/import/pipeline.js';
import type { Command } from '../command.js';
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
    const { store } = await withProject(projectPath, io, async (store) => {
      for (const file of files) {
        try {
          const imported = await importFile(resolve(io.cwd, file), encoding === undefined ? {} : { encoding });
          const summary = await addImported(store, imported);
          results.push({ file, id: summary.id, title: summary.title, warnings: imported.damage.length });
        } catch (error) {
          if (!(error instanceof FactmarkError)) throw error;
          results.push({ file, error: error.message });
        }
      }
    });
    if (options.json === true) io.out(`${JSON.stringify({ project: store.path, imported: results })}\n`);
    else for (const r of results) io.out(r.error ? `refused  ${r.file}: ${r.error}\n` : `imported ${r.file} as "${r.title}" (${r.warnings} damage warning${r.warnings === 1 ? '' : 's'})\n`);
    const refused = results.filter((r) => r.error).length;
    if (refused > 0) throw new FactmarkError('INVALID_ARGUMENT', `${refused} of ${files.length} file${files.length === 1 ? ' was' : 's were'} not imported.`);
  },
};
