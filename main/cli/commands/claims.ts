/**
 * `factmark claims <project> [--json]`: every claim of a project, document by document, with a
 * note for each document whose annotations could not all be read (set aside, not listed), and
 * `factmark claims import <project> --doc <id or title> <file.csv|file.json>`: a claims list added
 * to a document (a spreadsheet's CSV in any of its delimiters, or the claims CSV export itself),
 * each row's quote found exactly or else approximately (shown), rows that cannot be placed
 * reported by spreadsheet row and never guessed.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { verdictLabel } from '../../../shared/model/queries.js';
import { addClaimsToNamed, documentNotices, listClaims } from '../../services/claims/claims.js';
import { readClaimRows } from '../../services/claims/claim-rows.js';
import { readError } from '../../services/store/file-errors.js';
import type { ProjectStore } from '../../services/store/project-store.js';
import type { Command } from '../command.js';
import { readingProject, stringOption, withProject } from '../with-project.js';
import { reportOutcomes } from './claim-rows-output.js';

export const claimsCommand: Command = {
  summary: 'List the claims of a project: short id, document, status, verdict, claimant and the words quoted.',
  usage: '<project> [--json]',
  positionals: ['project'],
  options: { json: { type: 'boolean' } },
  async run({ positionals: [projectPath = ''], options }, io) {
    const listed = async (open: ProjectStore) => ({ claims: await listClaims(open), notices: await documentNotices(open) });
    const { store, result: { claims, notices } } = await readingProject(projectPath, io, listed);
    if (options.json === true) {
      io.out(`${JSON.stringify({ project: store.path, claims, notices })}\n`);
      return;
    }
    // Annotations set aside as unreadable are missing from the list: "no claims yet" would be untrue.
    if (claims.length === 0) io.out(notices.length === 0 ? 'No claims yet.\n' : 'No claims to list.\n');
    for (const listing of claims) {
      const { shortId, status, claimant, anchor } = listing.claim;
      const words = anchor.quote.exact.replace(/\s+/g, ' ');
      io.out(`${shortId.padEnd(5)} ${listing.documentTitle}  [${status}, ${verdictLabel(listing.claim.verdict, store.project)}]${claimant ? ` ${claimant}:` : ''} “${words.length > 100 ? `${words.slice(0, 99)}…` : words}”\n`);
    }
    // What reading did to the annotations happened in memory only: the command writes nothing.
    if (notices.length > 0) io.out('Notes from reading the project (nothing on disk was changed):\n');
    for (const { documentTitle, notice } of notices) io.out(`  “${documentTitle}”: ${notice}\n`);
  },
};

export const claimsImportCommand: Command = {
  summary:
    'Add a claims list to a document: a CSV separated by commas, semicolons or tabs (columns quote, claimant, kind, status, verdict, conclusion, evidence; header names in any case), Factmark\'s own claims CSV export, or a JSON array of objects with those keys. Rows whose quote cannot be placed are reported by their spreadsheet row (the header is row 1); nothing is written when the file cannot be read.',
  usage: '<project> --doc ID|TITLE <file.csv|file.json> [--json]',
  positionals: ['project', 'file'],
  required: ['doc'],
  options: { doc: { type: 'string' }, json: { type: 'boolean' } },
  async run({ positionals: [projectPath = '', file = ''], options }, io) {
    const path = resolve(io.cwd, file);
    const text = await readFile(path, 'utf8').catch((error: unknown) => {
      throw readError(error, path);
    });
    const rows = readClaimRows(basename(path), text);
    const { store, result } = await withProject(projectPath, io, (store) => addClaimsToNamed(store, stringOption(options.doc) ?? '', rows));
    reportOutcomes(io, store.path, result, options.json === true, 'row');
  },
};
