// Lint for the whole tree (`npm run lint`, run by `npm test`): typescript-eslint's recommended type-checked
// rules on the TypeScript sources, its recommended rules on the .mjs scripts, and one agreed line length.
//
// typescript-eslint reads programs through TypeScript's JavaScript API, which TypeScript 7 (the compiler
// `npm run typecheck` uses) no longer ships. The lint's tools therefore live in the workspace tools/lint/ with
// TypeScript 6.0, the last version with that API, and every `typescript` the lint loads is that one.
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const lintRequire = createRequire(new URL('./tools/lint/package.json', import.meta.url));
const typescriptMain = lintRequire.resolve('typescript');
const typescriptRoot = dirname(lintRequire.resolve('typescript/package.json'));

/** `typescript` and `typescript/…`, from wherever they are asked for, as the lint's TypeScript 6 files. */
const withApi = (request) =>
  request === 'typescript' ? typescriptMain : request.startsWith('typescript/') ? join(typescriptRoot, request.slice('typescript/'.length)) : request;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, withApi(request), ...rest);
};

const { default: tseslint } = await import(lintRequire.resolve('typescript-eslint'));

/** The agreed line length: code only; long strings, templates and patterns are data, not layout. */
const maxLen = ['error', {
  code: 140, tabWidth: 2, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true,
}];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-output/**', 'test/fixtures/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // The scripts run with tsx, outside tsconfig.json's program (config-schema-files.ts is in it: the tests import it).
        projectService: { allowDefaultProject: ['scripts/build-config-schema.ts', 'scripts/dump.ts', 'scripts/quick.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'max-len': maxLen,
      // A `let` read by a closure before its one assignment (the client's status item) cannot be a `const`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // node:test runs what `test(…)` registers and reports its failures; the promise it returns is not ours to await.
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }],
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly',
        clearTimeout: 'readonly', setImmediate: 'readonly', performance: 'readonly', structuredClone: 'readonly',
      },
    },
    rules: { 'max-len': maxLen },
  },
);
