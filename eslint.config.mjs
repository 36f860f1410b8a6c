// Lint: TypeScript rules plus the import bans that keep the three areas apart
// (renderer → shared ← main; services never touch electron). tests/unit/architecture.test.ts
// checks the same lines by scanning import specifiers.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

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
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only main/electron-main.ts, main/preload.ts and main/desktop/ touch electron, so services run in Node tests.' }],
        patterns: [{ group: ['**/renderer/**', '../renderer'], message: 'main/ imports nothing from renderer/.' }],
      }],
    },
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
