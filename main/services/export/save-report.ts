/** Saving a report where the analyst chooses (desktop): build it, ask where, write it atomically. */
import type { ReportRequest } from '../../../shared/contract.js';
import { writeFileAtomic } from '../store/atomic-file.js';
import type { ProjectStore } from '../store/project-store.js';
import type { HostAbilities } from '../types.js';
import { buildReportFile, reportFileBytes, reportFormatNamed } from './report-file.js';

/**
 * Builds the report `request` asks for, asks `pickPath` where to save it (suggesting its file name
 * and extension) and writes it there atomically. Resolves to the path written, or null when the
 * analyst cancelled (nothing is written then).
 */
export async function saveReportFile(
  store: ProjectStore,
  request: ReportRequest,
  generatedAt: string,
  pickPath: NonNullable<HostAbilities['pickReportPath']>,
  printHtmlToPdf?: HostAbilities['printHtmlToPdf'],
): Promise<string | null> {
  const file = await buildReportFile(store, request, generatedAt, printHtmlToPdf);
  const path = await pickPath({ fileName: file.fileName, extension: reportFormatNamed(request.format).extension });
  if (path === null) return null;
  await writeFileAtomic(path, reportFileBytes(file), undefined, { keepBackup: false });
  return path;
}
