import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // Jest's global set-up shares the launcher's PostgreSQL helpers (scripts/ is no Nx project).
    files: ['setup/*.mjs', 'ops/*.mjs', 'ops/support/*.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
