/** The project a launch names on its command line. */
import { describe, expect, it } from 'vitest';
import { projectPathFromArgv } from '../../../main/desktop/project-path-from-argv.js';

const CWD = '/home/analyst';

describe('projectPathFromArgv', () => {
  it.each<[string, string[], boolean, string | null]>([
    ['packaged, no argument', ['/opt/Factmark/factmark'], false, null],
    ['packaged, an absolute project', ['/opt/Factmark/factmark', '/data/Claims.factmark'], false, '/data/Claims.factmark'],
    ['packaged, a relative project', ['/opt/Factmark/factmark', 'Claims.factmark'], false, '/home/analyst/Claims.factmark'],
    ['packaged, a file inside a project', ['/opt/Factmark/factmark', 'Claims.factmark/project.json'], false, '/home/analyst/Claims.factmark/project.json'],
    ['packaged, any folder (the services judge it)', ['/opt/Factmark/factmark', '../Photos'], false, '/home/Photos'],
    ['switches are skipped', ['/opt/Factmark/factmark', '--no-sandbox', '--inspect=0', '-psn_0_12345', 'Claims.factmark'], false, '/home/analyst/Claims.factmark'],
    ['the first positional argument wins', ['/opt/Factmark/factmark', 'A.factmark', 'B.factmark'], false, '/home/analyst/A.factmark'],
    ['after --, a dash-named project counts', ['/opt/Factmark/factmark', '--', '-odd.factmark'], false, '/home/analyst/-odd.factmark'],
    ['a file: URL from a launcher', ['/opt/Factmark/factmark', 'file:///data/My%20Claims.factmark'], false, '/data/My Claims.factmark'],
    ['a file: URL for another host', ['/opt/Factmark/factmark', 'file://server/share/x.factmark'], false, null],
    ['NUL in the path', ['/opt/Factmark/factmark', '/data/a\0b'], false, null],
    ['an empty argument', ['/opt/Factmark/factmark', ''], false, null],
    ['development: electron . skips the app path', ['/usr/lib/electron/electron', '.'], true, null],
    ['development: the project after the app path', ['/usr/lib/electron/electron', '.', 'Claims.factmark'], true, '/home/analyst/Claims.factmark'],
    ['development: Playwright switches and a bundle path', ['/usr/lib/electron/electron', '--inspect=0', '--remote-debugging-port=0', 'dist/main/electron-main.cjs'], true, null],
    ['an empty argv', [], false, null],
  ])('%s', (_label, argv, isDefaultApp, expected) => {
    expect(projectPathFromArgv(argv, CWD, isDefaultApp)).toBe(expected);
  });
});
