// ESLint flat config. typescript-eslint's recommended rules without type information, so `eslint .` stays
// fast (no TypeScript program is built); `npm run typecheck` does the type checking.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// React hook rules for web/ (rules-of-hooks, exhaustive-deps) when eslint-plugin-react-hooks is installed.
// Without it, a stub keeps `eslint-disable react-hooks/...` comments valid instead of failing the lint.
const reactHooks = await import('eslint-plugin-react-hooks').then(
  (m) => m.default,
  () => null,
);
const noop = { meta: { type: 'problem', schema: false }, create: () => ({}) };
const reactHooksPlugin = reactHooks ?? { rules: { 'rules-of-hooks': noop, 'exhaustive-deps': noop } };

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'web/dist/**',
      'data/**',
      '.tmp/**',
      'test-results/**',
      'coverage/**',
      '**/*.tmp.*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // The web app runs in the browser.
    files: ['web/**/*.{ts,tsx,js,jsx}'],
    languageOptions: { globals: { ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: reactHooks ? 'warn' : 'off' },
    plugins: { 'react-hooks': reactHooksPlugin },
    rules: reactHooks ? { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' } : {},
  },
  {
    // Migrations are typed Kysely<any> on purpose: they are frozen in time and never import the app's schema.
    files: ['src/core/db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain JavaScript entry points and scripts (bin/, scripts/, config files).
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
