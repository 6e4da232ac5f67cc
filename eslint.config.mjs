// One lint config for the workspace (ESLint flat config + typescript-eslint).
// Type-aware rules where a forgotten await is a server bug: the API, the domain package and the
// WeChat fake, and the desk console (with React's hook rules). The mini-program gets the syntax rules
// and React's hook rules.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const typeAwareRules = {
  // node:test's describe/it return promises that the runner itself awaits.
  '@typescript-eslint/no-floating-promises': [
    'error',
    { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }] },
  ],
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
  '@typescript-eslint/await-thenable': 'error',
  '@typescript-eslint/require-await': 'off',
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-test/**',
      '**/node_modules/**',
      '**/.taro-cache/**',
      '**/.swc/**',
      '**/test-results/**',
      'apps/miniapp/src/api/schema.d.ts',
      'apps/console/src/api/schema.d.ts',
      'apps/miniapp/config/**',
      'apps/miniapp/babel.config.js',
      'apps/miniapp/d67f5243c686a679d6a4f240b6d0bd8c/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_` marks a parameter kept for its position (Nest's decorators, callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Each package's own type-checking project (the ones that include its tests).
  ...[
    ['apps/api/{src,test,bench}/**/*.ts', 'apps/api/tsconfig.json'],
    ['packages/domain/src/**/*.ts', 'packages/domain/tsconfig.check.json'],
    ['tooling/wechat-fake/src/**/*.ts', 'tooling/wechat-fake/tsconfig.check.json'],
    ['apps/console/{src/**/*.{ts,tsx},vite.config.ts}', 'apps/console/tsconfig.json'],
  ].map(([files, project]) => ({
    files: [files],
    languageOptions: { globals: globals.node, parserOptions: { project, tsconfigRootDir: import.meta.dirname } },
    rules: typeAwareRules,
  })),
  {
    // Tests and benchmarks read the API's JSON answers loosely; the API's own types are checked in src.
    files: ['apps/api/{test,bench}/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['apps/miniapp/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, wx: 'readonly' } },
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules; the plugin's React Compiler rules (refs, purity, set-state-in-effect)
    // assume the compiler, which Taro 4 with React 18 does not use.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The desk console (Vite, React 18 without the React Compiler): the classic hook rules, as above.
    files: ['apps/console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // The weapp harness runs the build under jsdom's window and document.
    files: ['apps/miniapp/test/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  // Formatting is Prettier's alone.
  prettier,
);
