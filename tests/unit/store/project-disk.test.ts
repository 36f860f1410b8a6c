/** The disk layer (main/services/store/project-disk.ts) through its narrow API: change, flush, status, conflicts, close. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectCode } from './helpers.js';
import { newProject } from './use-case-support.js';

describe('the disk layer', () => {
  it('writes a changed project on flush and tracks what is unsaved', async () => {
    const { disk } = await newProject();
    disk.changeProject((project) => ({ ...project, name: 'Renamed' }), disk.timestamp());
    expect(disk.hasUnsavedChanges()).toBe(true);
    expect(disk.status().state).toBe('pending');
    await disk.flush();
    expect(disk.hasUnsavedChanges()).toBe(false);
    expect(disk.status().state).toBe('saved');
    expect(JSON.parse(await readFile(join(disk.path, 'project.json'), 'utf8'))).toMatchObject({ name: 'Renamed' });
  });

  it('reports a file another program changed as a conflict, and reload takes theirs', async () => {
    const { disk } = await newProject();
    const path = join(disk.path, 'project.json');
    const theirs = { ...JSON.parse(await readFile(path, 'utf8')), name: 'Theirs' };
    await writeFile(path, JSON.stringify(theirs));
    disk.changeProject((project) => ({ ...project, name: 'Ours' }), disk.timestamp());
    await disk.flush();
    expect(disk.status().error?.code).toBe('CHANGED_ON_DISK');
    await disk.resolveConflict('reload');
    expect(disk.project.name).toBe('Theirs');
    expect(disk.status().state).toBe('saved');
  });

  it('refuses a document it does not hold, and everything once closed', async () => {
    const { disk } = await newProject();
    expect(() => disk.summaryOf('nope')).toThrow(/no document/);
    await disk.close();
    await expectCode(() => disk.document('nope'), 'NO_PROJECT_OPEN');
  });
});
