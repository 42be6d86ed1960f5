// Lint rules, including the room layering of ../shared/STYLE.md: imports go one way.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noElectronOrReact = {
  paths: [
    { name: 'electron', message: 'shared and core are plain TypeScript: no Electron.' },
    { name: 'react', message: 'shared and core are plain TypeScript: no React.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'reports/**',
      'coverage/**',
      'test-results/**',
      '.test-reports/**',
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
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        fetch: 'readonly',
        Buffer: 'readonly',
        window: 'readonly',
        document: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...noElectronOrReact, patterns: ['node:*', '../core/*', '../main/*', '../cli/*', '../renderer/*'] },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...noElectronOrReact, patterns: ['**/main/**', '**/cli/**', '**/renderer/**', '**/preload/**'] },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...noElectronOrReact, patterns: ['**/main/**', '**/renderer/**', '**/preload/**'] },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never touches Electron: use window.tagfit.' }],
          patterns: ['node:*', '**/core/**', '**/main/**', '**/cli/**'],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/core/**', '**/main/**', '**/cli/**', '**/renderer/**'] },
      ],
    },
  },
);
