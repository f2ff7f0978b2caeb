// ESLint flat config. `npm run lint` = `eslint . --max-warnings=0`.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layer rule from DESIGN.md (imports only point down):
//   ui -> xapi; worker -> engine, xapi; server -> engine, xapi; engine -> xapi; xapi -> nothing.
// Type-only imports count too: ui never imports engine, not even types.
const LAYERS = {
  xapi: [],
  engine: ['xapi'],
  server: ['engine', 'xapi'],
  worker: ['engine', 'xapi'],
  ui: ['xapi'],
};

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/'] },

  js.configs.recommended,
  tseslint.configs.recommended,

  // A few type-aware rules that catch real bugs (lost promises above all),
  // rather than the whole recommendedTypeChecked set: keeps lint fast and quiet.
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },

  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // DESIGN.md: no barrel files, no `export *`.
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'No `export *`: export names explicitly.' },
      ],
    },
  },

  // Layer boundaries between the folders of src/.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': Object.keys(LAYERS).map((type) => ({
        type,
        pattern: `src/${type}`,
        partialMatch: false,
      })),
      // Imports are extensionless; let the resolver find .ts/.tsx files.
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: 'Layer rule: {{from.type}}/ may not import {{to.type}}/ (see DESIGN.md "Layers").',
          policies: Object.entries(LAYERS).map(([from, to]) => ({
            from: { element: { type: from } },
            allow: { to: { element: { types: { anyOf: [from, ...to] } } } },
          })),
        },
      ],
    },
  },

  // The engine is deterministic: time and randomness come from the injected
  // Clock and Rng. (Timers, DOM and Node globals are already absent from its
  // tsconfig, so tsc rejects them.)
  {
    files: ['src/engine/**/*.ts', 'src/xapi/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the injected seeded Rng.' },
        { object: 'Date', property: 'now', message: 'Use the injected Clock.' },
        { object: 'performance', property: 'now', message: 'Use the injected Clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'No `export *`: export names explicitly.' },
        {
          selector: 'NewExpression[callee.name="Date"][arguments.length=0]',
          message: '`new Date()` reads the wall clock: use the injected Clock.',
        },
        {
          selector: 'CallExpression[callee.name="Date"]',
          message: '`Date()` reads the wall clock: use the injected Clock.',
        },
      ],
    },
  },

  // React console.
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
  },
  { files: ['src/worker/**/*.ts'], languageOptions: { globals: globals.worker } },

  // Node-side code and plain JS (scripts, configs).
  {
    files: ['src/server/**/*.ts', 'bench/**', 'scripts/**', 'e2e/**', '*.config.{js,ts}', '*.setup-*.ts'],
    languageOptions: { globals: globals.node },
  },
);
