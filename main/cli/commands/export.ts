/**
 * `factmark export <project> --format FORMAT --out <file> [...]`: a report of a project, or of the
 * documents named, in one of the report formats, written atomically. `--generated-at` fixes the
 * report's date, so the same project gives the same bytes.
 */
import { resolve } from 'node:path';
import type { ReportRequest } from '../../../shared/contract.js';
import { urlProblem } from '../../../shared/check/fields.js';
import { CLAIM_STATUSES, type StoredProject } from '../../../shared/model/index.js';
import { REPORT_FORMATS } from '../../../shared/report/index.js';
import { REPORT_LAYOUTS, type ReportLayout } from '../../../shared/report/input.js';
import { FactmarkError } from '../../../shared/result.js';
import { documentNamed } from '../../services/claims/add-claims.js';
import { buildReportFile, reportFileBytes } from '../../services/export/report-file.js';
import { writeFileAtomic } from '../../services/store/atomic-file.js';
import type { Command, CommandInput } from '../command.js';
import { readingProject, stringOption } from '../with-project.js';

type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** The values of an option given any number of times. */
function listOption(value: CommandInput['options'][string]): string[] {
  return Array.isArray(value) ? value : [];
}

function claimStatus(name: string): ClaimStatus {
  const status = CLAIM_STATUSES.find((s) => s.toLowerCase() === name.trim().toLowerCase());
  if (!status) throw new FactmarkError('INVALID_ARGUMENT', `There is no claim status “${name}”. The statuses: ${CLAIM_STATUSES.join(', ')}.`);
  return status;
}

/** The id of the codebook tag named `name` (or with that id). */
function tagNamed(project: StoredProject, name: string): string {
  const tag = project.tags.find((t) => t.id === name) ?? project.tags.find((t) => t.name.toLowerCase() === name.trim().toLowerCase());
  if (!tag) throw new FactmarkError('NOT_FOUND', `There is no tag “${name}” in this project. Its tags: ${project.tags.map((t) => `“${t.name}”`).join(', ') || 'none'}.`);
  return tag.id;
}

/** The report's date: `--generated-at` as an ISO timestamp, or now. */
function generatedAt(given: string | undefined): string {
  if (given === undefined) return new Date().toISOString();
  const time = Date.parse(given);
  if (Number.isNaN(time)) throw new FactmarkError('INVALID_ARGUMENT', `--generated-at takes a date and time such as 2026-11-27T17:29:22Z, not “${given}”.`);
  return new Date(time).toISOString();
}

/** `--organisation NAME [--organisation-url URL]`: the publisher ClaimReview names as its author. */
function organisationOption(name: string | undefined, url: string | undefined): Pick<ReportRequest, 'organisation'> {
  if (name === undefined || name.trim() === '') {
    if (url !== undefined) throw new FactmarkError('INVALID_ARGUMENT', '--organisation-url needs --organisation NAME.');
    return {};
  }
  const problem = urlProblem(url ?? '');
  if (problem !== null) throw new FactmarkError('INVALID_ARGUMENT', `--organisation-url: ${problem}`);
  return { organisation: { name: name.trim(), url: url?.trim() ?? '' } };
}

/** `--layout NAME`: verdict-first (the default) or audit. */
function layoutOption(given: string | undefined): ReportLayout {
  if (given === undefined) return 'verdict-first';
  const layout = REPORT_LAYOUTS.find((l) => l === given.trim().toLowerCase());
  if (!layout) throw new FactmarkError('INVALID_ARGUMENT', `--layout is one of ${REPORT_LAYOUTS.join(', ')}, not “${given}”.`);
  return layout;
}

/** `--report-url URL`: where the report is published, for ClaimReview's `url` (the project's own when not given). */
function reportUrlOption(given: string | undefined): Pick<ReportRequest['options'], 'reportUrl'> {
  if (given === undefined) return {};
  const problem = urlProblem(given);
  if (problem !== null) throw new FactmarkError('INVALID_ARGUMENT', `--report-url: ${problem}`);
  return { reportUrl: given.trim() };
}

const FORMAT_IDS = REPORT_FORMATS.map((f) => f.id);

export const exportCommand: Command = {
  summary: `Export a report of the project (or of the documents named) to a file, written atomically. FORMAT is one of: ${REPORT_FORMATS.map((f) => `${f.id} (${f.description})`).join('; ')}. STATUS is one of ${CLAIM_STATUSES.join(', ')}.`,
  usage: `<project> --format ${FORMAT_IDS.join('|')} --out FILE [--doc ID|TITLE]… [--status STATUS]… [--tag NAME]… [--layout ${REPORT_LAYOUTS.join('|')}] [--report-url URL] [--excerpts] [--no-notes] [--no-damage] [--show-withheld] [--analyst NAME] [--organisation NAME [--organisation-url URL]] [--generated-at ISO] [--json]`,
  positionals: ['project'],
  required: ['format', 'out'],
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    doc: { type: 'string', multiple: true },
    status: { type: 'string', multiple: true },
    tag: { type: 'string', multiple: true },
    layout: { type: 'string' },
    'report-url': { type: 'string' },
    excerpts: { type: 'boolean' },
    'no-notes': { type: 'boolean' },
    'no-damage': { type: 'boolean' },
    'show-withheld': { type: 'boolean' },
    analyst: { type: 'string' },
    organisation: { type: 'string' },
    'organisation-url': { type: 'string' },
    'generated-at': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ positionals: [projectPath = ''], options }, io) {
    const at = generatedAt(stringOption(options['generated-at']));
    const statuses = listOption(options.status).map(claimStatus);
    const { store, result: file } = await readingProject(projectPath, io, async (store) => {
      const request: ReportRequest = {
        format: stringOption(options.format) ?? '',
        documentIds: listOption(options.doc).map((doc) => documentNamed(store, doc)),
        options: {
          statuses,
          tagIds: listOption(options.tag).map((tag) => tagNamed(store.project, tag)),
          text: options.excerpts === true ? 'excerpts' : 'full',
          includeNotes: options['no-notes'] !== true,
          includeDamage: options['no-damage'] !== true,
          anonymiseWithheld: options['show-withheld'] !== true,
          layout: layoutOption(stringOption(options.layout)),
          ...reportUrlOption(stringOption(options['report-url'])),
        },
        analyst: stringOption(options.analyst) ?? '',
        ...organisationOption(stringOption(options.organisation), stringOption(options['organisation-url'])),
      };
      return buildReportFile(store, request, at);
    });
    const path = resolve(io.cwd, stringOption(options.out) ?? '');
    await writeFileAtomic(path, reportFileBytes(file), undefined, { keepBackup: false });
    io.out(options.json === true ? `${JSON.stringify({ project: store.path, format: stringOption(options.format), path, mimeType: file.mimeType })}\n` : `${path}\n`);
  },
};
