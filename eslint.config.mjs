// Lint: TypeScript rules plus the import bans that keep the three areas apart
// (renderer → shared ← main; services never touch electron), and inside main/services the
// direction hosts → app-services → use cases → disk layer (never back). tests/unit/architecture.test.ts
// checks the same lines by scanning import specifiers.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// What every file of main/ (outside the Electron entry, the preload and main/desktop/) may not import.
const MAIN_PATHS = [{ name: 'electron', message: 'Only main/electron-main.ts, main/preload.ts and main/desktop/ touch electron, so services run in Node tests.' }];
const MAIN_PATTERNS = [{ group: ['**/renderer/**', '../renderer'], message: 'main/ imports nothing from renderer/.' }];
// The services know no host: the CLI, the desktop wiring and the browser host call them, never the other way.
const SERVICE_PATTERNS = [
  ...MAIN_PATTERNS,
  { group: ['**/cli/**', '**/desktop/**', '**/browser-host/**', '**/electron-main*', '**/preload*'], message: 'main/services/ imports nothing from main/cli/, main/desktop/, main/browser-host/ or the Electron entry: hosts call services.' },
];
// The use cases of an open project (documents, edits, codebook, sources, scales, claims) are composed by
// app-services.ts and the store facade; they import neither.
const USE_CASE_PATTERNS = [
  ...SERVICE_PATTERNS,
  { group: ['**/app-services*', '**/project-store*'], message: 'A use case takes the open project (store/open-project.ts), never app-services.ts or the ProjectStore facade that compose it.' },
];
// The disk layer (lock, files, save pass) and the rules it uses know no use case.
const DISK_PATTERNS = [
  ...SERVICE_PATTERNS,
  {
    group: ['**/use-cases/**', '**/claims/**', '**/document-edits*', '**/edit-drafts*', '**/open-project*', '**/project-store*', '**/app-services*'],
    message: 'The disk layer of the store imports no use case: use cases call it (store/project-disk.ts).',
  },
];
const USE_CASE_FILES = ['main/services/store/use-cases/**/*.ts', 'main/services/claims/**/*.ts', 'main/services/store/document-edits.ts', 'main/services/store/edit-drafts.ts', 'main/services/store/open-project.ts'];
const COMPOSING_FILES = ['main/services/store/project-store.ts', ...USE_CASE_FILES];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeModules, 'electron'].map((name) => ({ name, message: 'shared/ is pure: no Node, no electron.' })),
        patterns: [{ group: ['**/main/**', '**/renderer/**', '../main', '../renderer'], message: 'shared/ imports nothing from main/ or renderer/.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeModules, 'electron'].map((name) => ({ name, message: 'The renderer runs in a sandboxed page: no Node, no electron.' })),
        patterns: [{ group: ['**/main/**', '../main'], message: 'The renderer reaches main only through the contract (renderer/api).' }],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron-main.ts', 'main/preload.ts', 'main/desktop/**'],
    rules: { 'no-restricted-imports': ['error', { paths: MAIN_PATHS, patterns: MAIN_PATTERNS }] },
  },
  {
    files: ['main/services/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: MAIN_PATHS, patterns: SERVICE_PATTERNS }] },
  },
  {
    files: USE_CASE_FILES,
    rules: { 'no-restricted-imports': ['error', { paths: MAIN_PATHS, patterns: USE_CASE_PATTERNS }] },
  },
  {
    files: ['main/services/store/*.ts'],
    ignores: COMPOSING_FILES,
    rules: { 'no-restricted-imports': ['error', { paths: MAIN_PATHS, patterns: DISK_PATTERNS }] },
  },
  {
    files: ['main/desktop/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', allowTypeImports: true, message: 'Desktop wiring receives electron parts as arguments (testable with a stand-in); only types may be imported.' }],
        patterns: [{ group: ['**/renderer/**', '../renderer'], message: 'main/ imports nothing from renderer/.' }],
      }],
    },
  },
);
