import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeOnly = [
  'electron',
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'better-sqlite3',
  'keytar',
  'sharp',
];

/** What every main-process file may not import: see the first src-main block below. */
const mainImportRules = {
  patterns: [
    {
      // Main shares the renderer's translation files (the `desktop` namespace), nothing else from it.
      regex: '(^|/)src-renderer/(?!i18n/locales/(en|zh-CN)/[a-z-]+\\.json$)',
      message: 'Main may use only the translation JSON files from src-renderer/i18n/locales.',
    },
  ],
  paths: [
    {
      name: 'sharp',
      allowTypeImports: true,
      message: 'Decode and encode through the ImageCodec you are given (src-main/media/image-codec.ts).',
    },
  ],
};

/** The main process's rooms (folders of src-main). */
const mainRooms = [
  'app',
  'cli',
  'diagnostics',
  'edit',
  'generation',
  'handlers',
  'i18n',
  'ipc',
  'jobs',
  'keychain',
  'library',
  'logging',
  'media',
  'network',
  'settings',
  'shell',
  'smoke',
  'updates',
];

// Import patterns for rooms: the one for jobs matches `../jobs/x` and `../../jobs/x`, not `./jobs-x`.
const roomPatterns = (rooms) => rooms.map((room) => `**/${room}/*`);

/**
 * Keeps a room of src-main from importing Electron or any room but itself and `allowed` (the contract and
 * packages stay open), on top of the rules every main-process file follows.
 */
const roomBoundary = (room, allowed, message) => ({
  files: [`src-main/${room}/**`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        ...mainImportRules,
        patterns: [
          ...mainImportRules.patterns,
          {
            group: [
              'electron',
              ...roomPatterns(mainRooms.filter((other) => other !== room && !allowed.includes(other))),
            ],
            message,
          },
        ],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      '.cache/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      // Template literals with numbers are the clearest way to build sizes such as `${w}x${h}`.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  {
    files: ['src-main/**', 'scripts/**', 'test/**', 'src-preload/**', '*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // Electron on Linux must never load libvips natively (two GLib copies crash the process), so only the codec
    // module loads sharp; everything else is handed an ImageCodec and may import sharp's types alone.
    files: ['src-main/**'],
    ignores: ['src-main/media/image-codec.ts'],
    rules: { 'no-restricted-imports': ['error', mainImportRules] },
  },
  // The library is storage: it knows nothing of the API, the network or who drives it. Generation jobs and
  // resuming interrupted downloads live in src-main/jobs/, which depends on both.
  roomBoundary(
    'library',
    ['media'],
    'The library knows nothing of the API or who drives it; put what needs both in src-main/jobs/.',
  ),
  // The network layer carries bytes for whoever asks; it knows no API, library or job.
  roomBoundary('network', [], 'The network layer imports nothing from the rooms that use it.'),
  {
    files: ['test/renderer/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src-renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeOnly,
              message: 'The renderer is untrusted and runs in a sandbox: no Node or Electron APIs.',
            },
            {
              group: ['**/src-main/**', '../../src-main/*'],
              message: 'The renderer reaches main only through the IPC contract.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'seedream',
          message: 'Only bridge.ts reads the preload API; slices get it passed in as `api`.',
        },
      ],
    },
  },
  {
    // The one module that reads the preload's object and hands it to the store.
    files: ['src-renderer/bridge.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['src-preload/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeOnly,
              message: 'The contract is pure TypeScript shared by main, preload and renderer.',
            },
            {
              group: ['**/src-main/**', '**/src-renderer/**', '../*'],
              message: 'The contract imports nothing outside itself.',
            },
          ],
        },
      ],
    },
  },
);
