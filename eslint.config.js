// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '**/*.tmp.ts', 'coverage/**'] },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.check.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  // Layers (docs/ARCHITECTURE.md): what each folder may import is enforced here, not only written down.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['../*', 'node:*', 'better-sqlite3', 'fastify', 'commander'] },
      ],
    },
  },
  {
    files: ['src/ports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // ports see the domain only (a glob with !(…) matched nothing: it is a regex here)
            { regex: '^\\.\\./(?!domain/)', message: 'ports may import only the domain' },
            { group: ['node:*', 'better-sqlite3', 'fastify', 'pg', 'pg-boss', 'kysely'] },
          ],
        },
      ],
    },
  },
  // pure layers: no adapters, services or edges, no node built-ins, no database
  ...['pipeline', 'clustering'].map((layer) => ({
    files: [`src/${layer}/**/*.ts`],
    ignores: [`src/${layer}/**/*.test.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '../adapters/**',
            '../services/**',
            '../http/**',
            '../cli/**',
            '../ingest/**',
            '../app.js',
            '../config.js',
            '../gazetteer/build.js',
            '../gazetteer/sqlite.gazetteer.js',
            'node:*',
            'better-sqlite3',
            'fastify',
            'pg',
            'pg-boss',
            'kysely',
          ],
        },
      ],
    },
  })),
  {
    files: ['src/services/**/*.ts', 'src/export/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '../adapters/**',
            '../http/**',
            '../cli/**',
            '../app.js',
            'better-sqlite3',
            'fastify',
            'pg',
            'pg-boss',
            'kysely',
          ],
        },
      ],
    },
  },
  {
    files: ['src/adapters/**/*.ts'],
    ignores: ['src/adapters/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['../../services/**', '../../http/**', '../../cli/**', '../../pipeline/**', 'fastify'] },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['../adapters/**', 'better-sqlite3', 'pg', 'pg-boss', 'kysely'] },
      ],
    },
  },
  {
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['../cli/**', '../adapters/**', 'better-sqlite3', 'pg', 'pg-boss', 'kysely'] },
      ],
    },
  },
  // The web UI (web/src) reaches the server over HTTP only: from src/ it may import the domain (types and
  // pure helpers), nothing that does I/O.
  {
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!domain/)',
              message: 'the web UI may import only src/domain from src/',
            },
            { group: ['node:*', 'better-sqlite3', 'fastify', 'pg', 'pg-boss', 'kysely', 'commander'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
