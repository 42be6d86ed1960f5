// Lint rules, including the room layering of ../shared/STYLE.md: imports go one way (renderer → shared;
// preload → shared; main → core, shared; cli → core, shared; core → shared), each room keeps to its own world
// (no Electron, React or stores below main and the renderer; no Node in the renderer or the preload; no DOM
// outside the renderer). test/unit/lint-rooms.test.ts plants a violation of each rule and expects a refusal.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'events',
  'stream',
  'worker_threads',
  'buffer',
];
const ban = (names, why) => names.map((name) => ({ name, message: why }));
const ELECTRON = ['electron', 'electron-store'];
const UI = ['react', 'react-dom', 'react-dom/client', 'zustand', 'ag-grid-react', 'ag-grid-community'];
const rooms = (...names) => names.map((n) => `**/${n}/**`);

/** One room's import rule: banned packages (with their subpaths) and banned rooms. */
function room(files, { packages, why, patterns }) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ban(packages, why),
          patterns: [
            { group: patterns, message: `${why} (imports go one way: see STYLE.md's rooms)` },
            ...packages.map((p) => ({ group: [`${p}/*`], message: why })),
          ],
        },
      ],
    },
  };
}

const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'reports/**',
      'coverage/**',
      'test-results/**',
      '.test-reports/**',
      '.tagfit-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        fetch: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        TextDecoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The DOM exists only in the renderer.
  {
    files: ['src/shared/**', 'src/core/**', 'src/cli/**', 'src/main/**', 'src/preload/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...DOM_GLOBALS.map((name) => ({ name, message: 'Only the renderer has a DOM.' })),
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', navigator: 'readonly', Blob: 'readonly' },
    },
  },
  room(['src/shared/**/*.ts'], {
    packages: [...ELECTRON, ...UI, ...NODE_BUILTINS],
    why: 'shared holds types and schemas only: no Electron, React, stores or Node.',
    patterns: ['node:*', ...rooms('core', 'main', 'cli', 'renderer', 'preload')],
  }),
  room(['src/core/**/*.ts'], {
    packages: [...ELECTRON, ...UI],
    why: 'core is plain TypeScript shared by the CLI and the app: no Electron, React or stores.',
    patterns: rooms('main', 'cli', 'renderer', 'preload'),
  }),
  room(['src/cli/**/*.ts'], {
    packages: [...ELECTRON, ...UI],
    why: 'the CLI runs without Electron or React.',
    patterns: rooms('main', 'renderer', 'preload'),
  }),
  room(['src/main/**/*.ts'], {
    packages: UI,
    why: 'main is Electron glue: the UI lives in the renderer.',
    patterns: rooms('cli', 'renderer', 'preload'),
  }),
  room(['src/renderer/**/*.{ts,tsx}'], {
    packages: [...ELECTRON, ...NODE_BUILTINS, 'zod'],
    why: 'the renderer talks to main through window.tagfit only: no Electron, no Node, no disk.',
    patterns: ['node:*', ...rooms('core', 'main', 'cli', 'preload')],
  }),
  room(['src/preload/**/*.ts'], {
    packages: [...NODE_BUILTINS, ...UI, 'electron-store', 'zod'],
    why: "the preload exposes the contract's channels and requires nothing but electron at run time.",
    patterns: ['node:*', ...rooms('core', 'main', 'cli', 'renderer')],
  }),
);
