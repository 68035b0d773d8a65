import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';


/**
 * The layers of docs/DEVELOPING.md as a lint rule: imports point down only (platform ← people ← population ←
 * subgroups; population ← individual; ← eap, service-desk ← insights), and 点 (individual) takes only the contracts
 * from 面 (population): its events (`*-events.ts`) and the ports it provides (`*-contract.ts`). A forbidden arrow
 * fails `npm run lint` the day it is written.
 */
const above = (...modules) => modules.map((m) => ({ group: [`**/${m}/**`, `!**/node_modules/**`], message: `imports point down the layers (docs/DEVELOPING.md): not ${m}` }));
const layer = (files, patterns, ignores = []) => ({ files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } });
const layerRules = [
  // Only the entry layer (src/main.ts, src/verify-audit-chain.ts, scripts/) boots the whole app.
  layer(['src/platform/**/*.ts'], [...above('people', 'population', 'subgroups', 'individual', 'eap', 'service-desk', 'insights'), { group: ['**/app.module.js'], message: 'the kernel does not boot the app' }]),
  layer(['src/people/**/*.ts'], above('population', 'subgroups', 'individual', 'eap', 'service-desk', 'insights')),
  layer(['src/population/**/*.ts'], above('subgroups', 'individual', 'eap', 'service-desk', 'insights')),
  layer(['src/subgroups/**/*.ts'], above('individual', 'eap', 'service-desk', 'insights')),
  layer(
    ['src/individual/**/*.ts'],
    [
      ...above('subgroups', 'eap', 'service-desk', 'insights'),
      { regex: '/population/(?!.*-(events|contract)\\.js$)', message: '点 may take only the contracts (*-events.ts, *-contract.ts) from 面' },
    ],
  ),
  // One entry per folder: a later entry for the same files would replace the rule, not add to it.
  layer(['src/eap/**/*.ts'], above('service-desk', 'insights')),
  layer(['src/service-desk/**/*.ts'], above('eap', 'insights')),
];

/**
 * The org-subtree rule has one definition (src/people/access/org-subtree.ts, with the root's path bound as a
 * parameter); a query that writes its own `path LIKE …` bypasses the scoped query factory and fails here.
 */
const SUBTREE_BY_HAND = '/\\bpath\\s+(NOT\\s+)?LIKE\\b/i';
const ORG_SUBTREE_RULE = {
  files: ['src/**/*.ts'],
  ignores: ['src/people/access/org-subtree.ts', '**/*.spec.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      ...[`Literal[value=${SUBTREE_BY_HAND}]`, `TemplateElement[value.raw=${SUBTREE_BY_HAND}]`].map((selector) => ({
        selector,
        message: 'the org-subtree rule is written once: use AccessScope or src/people/access/org-subtree.ts',
      })),
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'web/src/api/schema.d.ts', 'web/src/api/routes.gen.ts', 'coverage/**', 'migrations/**', '*.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, ignores: ['web/**'] })),
  {
    ignores: ['web/**'],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname, emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  ...layerRules,
  ORG_SUBTREE_RULE,
  // The web app: TypeScript and the React rules (eslint-plugin-react's recommended set for the automatic JSX
  // runtime, the rules of hooks and the React Compiler's checks). eslint-plugin-react 7.37 declares ESLint ≤ 9.7 as
  // its peer but runs on ESLint 10; package.json's `overrides` lets it use ours.
  {
    files: ['web/**/*.{ts,tsx}'],
    extends: [...tseslint.configs.recommended, react.configs.flat.recommended, react.configs.flat['jsx-runtime'], reactHooks.configs.flat['recommended-latest']],
    languageOptions: { globals: globals.browser },
    settings: { react: { version: '19.3' } }, // 'detect' calls context.getFilename, which ESLint 10 removed
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // TypeScript checks the props.
      'react/prop-types': 'off',
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { parserOptions: { project: null }, globals: { process: 'readonly', console: 'readonly' } },
  },
);
