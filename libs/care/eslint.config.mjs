import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // docs/rules.md §5: money is integer fen; no floating point where money flows.
    files: ['src/subsidy.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[raw=/\\d\\.\\d/]', message: 'money is integer fen: no decimal literals (docs/rules.md §5)' },
        {
          selector: 'CallExpression[callee.property.name=/^(toFixed|toPrecision|round|parseFloat)$/]',
          message: 'money is integer fen: no float rounding or parsing (docs/rules.md §5)',
        },
        { selector: "CallExpression[callee.name='parseFloat']", message: 'money is integer fen: no parseFloat (docs/rules.md §5)' },
      ],
    },
  },
];
