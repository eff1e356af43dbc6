// Lint rules. The one that matters most keeps the layers of docs/design.md apart:
// src/engine may import nothing from Phaser, the DOM or Node, and no layer imports one above it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'url',
  'util',
  'http',
  'https',
  'net',
  'ws',
];
const pattern = (group, message) => ({ group, message });

/** Import bans per layer: engine <- scenario <- ai <- session <- ui | cli | server (see docs/design.md). */
const layerBans = {
  engine: [
    pattern(['phaser', 'phaser/*'], 'The engine never imports Phaser (docs/design.md, Layers).'),
    pattern(nodeBuiltins, 'The engine never imports Node APIs (docs/design.md, Layers).'),
    pattern(
      ['**/scenario/**', '**/ai/**', '**/session/**', '**/text/**', '**/ui/**', '**/cli/**', '**/server/**'],
      'The engine imports no layer above it.',
    ),
  ],
  scenario: [
    pattern(['phaser', 'phaser/*'], 'The scenario layer never imports Phaser.'),
    pattern(nodeBuiltins, 'The scenario layer is pure: file reading belongs to cli or ui.'),
    pattern(
      ['**/ai/**', '**/session/**', '**/ui/**', '**/cli/**', '**/server/**'],
      'The scenario layer imports only the engine.',
    ),
  ],
  ai: [
    pattern(['phaser', 'phaser/*'], 'Computer players never import Phaser.'),
    pattern(nodeBuiltins, 'Computer players are pure.'),
    pattern(
      ['**/session/**', '**/ui/**', '**/cli/**', '**/server/**'],
      'The ai layer imports only engine and scenario.',
    ),
  ],
  // The game's words (src/text): rendered from the engine's typed log for ui, cli and server alike.
  text: [
    pattern(['phaser', 'phaser/*'], 'The words never import Phaser.'),
    pattern(nodeBuiltins, 'The words run in the browser and on the server alike: no Node APIs.'),
    pattern(
      ['**/scenario/**', '**/ai/**', '**/session/**', '**/ui/**', '**/cli/**', '**/server/**'],
      'The text layer imports only the engine.',
    ),
  ],
  session: [
    pattern(['phaser', 'phaser/*'], 'The session layer never imports Phaser.'),
    pattern(nodeBuiltins, 'The session layer runs in the browser and on the server alike: no Node APIs.'),
    pattern(
      ['**/ui/**', '**/cli/**', '**/server/**'],
      'The session layer imports only engine, scenario and ai.',
    ),
  ],
};

/** The layers above the session sit side by side: the browser game imports neither of the others, and they do not import it. */
const topBans = {
  ui: [
    pattern(
      ['**/cli/**', '**/server/**'],
      'The browser game imports neither the command line nor the server.',
    ),
  ],
  cli: [pattern(['**/ui/**'], 'The command line does not import the browser game.')],
  server: [pattern(['**/ui/**'], 'The server does not import the browser game.')],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...Object.entries(layerBans).map(([layer, patterns]) => ({
    files: [`src/${layer}/**/*.ts`],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', { patterns }],
      // No ambient browser or Node globals in the pure layers, and no hidden randomness or clock.
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
        'require',
        '__dirname',
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Randomness comes only from the seeded generator in the game state.',
        },
        { object: 'Date', property: 'now', message: 'Rules may not read the clock.' },
      ],
    },
  })),
  ...Object.entries(topBans).map(([layer, patterns]) => ({
    files: [`src/${layer}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
  // Screens work from a seat's PlayerView, never the secret GameState: a finished game reaches the replay, the
  // end report and the debrief as views and numbers the session rebuilt from its record (src/session/finished.ts),
  // and the offer preview as numbers the session computed on the state the seat believes (src/session/preview.ts).
  {
    files: ['src/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: topBans.ui,
          paths: [
            {
              name: '../engine/index.ts',
              importNames: ['GameState', 'cloneState', 'newGame', 'startGame', 'submit', 'runGame'],
              message: 'Screens get the seat’s PlayerView (src/session), never the GameState.',
            },
            {
              name: '../../engine/index.ts',
              importNames: ['GameState', 'cloneState', 'newGame', 'startGame', 'submit', 'runGame'],
              message: 'Screens get the seat’s PlayerView (src/session), never the GameState.',
            },
            {
              name: '../../../engine/index.ts',
              importNames: ['GameState', 'cloneState', 'newGame', 'startGame', 'submit', 'runGame'],
              message: 'Screens get the seat’s PlayerView (src/session), never the GameState.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='engineState']",
          message: 'Screens read session.view(seat), never the engine state.',
        },
      ],
    },
  },
  // Rooms stay readable: no function in the browser game longer than about 150 lines (no file is excused).
  {
    files: ['src/ui/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true }] },
  },
  // No import cycles anywhere in src (a maintained rule, resolving our `.ts` imports as written).
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.d.ts'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
);
