// Lint, including the runtime boundaries (VS Code style):
//   every room imports only what eslint/import-layers.js lists for it (positive layering):
//   shared/ nothing but itself; renderer/ shared/; services/ and demo-library/ shared/ and Node,
//   never each other, main/, cli/ or dev-browser/; main/, cli/ and dev-browser/ the services and
//   the demo library through its index only
//   shared/    nothing from Node, the DOM, React or Electron (globals included)
//   electron/  only the shell files listed in ELECTRON_SHELL_FILES import 'electron'
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import layers from './eslint/import-layers.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** The only files allowed to import 'electron'. */
export const ELECTRON_SHELL_FILES = [
  'electron/main/index.ts',
  'electron/main/window.ts',
  'electron/main/app-protocol.ts',
  'electron/main/media-protocol.ts',
  'electron/main/ipc-wiring.ts',
  'electron/main/drag.ts',
  'electron/main/dialogs.ts',
  'electron/main/shell-adapters.ts',
  'electron/preload/index.ts',
];

const electronBan = {
  name: 'electron',
  message: `Only the shell files (${ELECTRON_SHELL_FILES.join(', ')}) may import electron.`,
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'test-results/**',
      'playwright-report/**',
      '.cache/**',
      // electron-vite bundles its config to a file beside it for a moment while it builds; the
      // build runs beside lint in \`npm test\`, and a file gone between listing and reading
      // failed the whole lint.
      'electron.vite.config.ts.*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    plugins: { layers },
    rules: { 'layers/import-layers': 'error' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ must not import Node.' })),
            electronBan,
            { name: 'react', message: 'shared/ must not import React.' },
            { name: 'react-dom', message: 'shared/ must not import React.' },
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ imports only shared/.',
            },
            { group: ['react/*', 'react-dom/*'], message: 'shared/ must not import React.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs without Node.' })),
            electronBan,
          ],
          patterns: [{ group: ['**/electron/**'], message: 'renderer/ imports only shared/.' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ELECTRON_SHELL_FILES,
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ does not import renderer code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
