// ESLint for the whole repository: typed rules so floating promises and
// unsafe calls are caught, no console in the server (stdout is the protocol).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './shared/tsconfig.json',
          './server/tsconfig.json',
          './client/tsconfig.json',
          './test/tsconfig.json',
          './test/editor/tsconfig.json',
          './bench/tsconfig.json',
          './cli/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
    },
  },
  {
    files: ['server/**/*.ts', 'shared/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
);
