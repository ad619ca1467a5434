#!/usr/bin/env node
// The architecture rules of docs/architecture.md that a linter does not already hold, checked on
// the source text: SQL only in repositories (and the database plumbing of libs/db); no base class
// for data access; no import circle in the web app (dpdm); no reference to anything outside the
// repository. Exits 1 naming each breach.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
const files = (dirs, test) => dirs.flatMap((d) => [...walk(join(root, d))]).filter((f) => test(relative(root, f)));

/** Where SQL may be written: repositories, the database plumbing and migrations, tests. */
const mayQuery = (path) =>
  /\.repository\.ts$/.test(path) ||
  /\.(int-)?spec\.ts$/.test(path) ||
  path.startsWith('libs/db/src/') ||
  path.startsWith('libs/ops/src/demo/');
const SQL_CALL = /\.(query|getRepository|createQueryBuilder)\s*(<[^>]*>)?\s*\(/;
const SQL_TEXT = /[`'"]\s*(SELECT\s+[\w*(]|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|WITH\s+\w+\s+AS\s*\()/i;

const breaches = [];
const code = files(['apps/api/src', 'apps/worker/src', 'libs'], (p) => /\.tsx?$/.test(p) && !p.includes('/templates/'));
for (const file of code) {
  const path = relative(root, file);
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    const at = `${path}:${i + 1}`;
    if (!mayQuery(path) && (SQL_CALL.test(line) || SQL_TEXT.test(line)))
      breaches.push(`${at}: SQL outside a repository (move it to a *.repository.ts method)`);
    if (/extends FacilityScoped\b/.test(line))
      breaches.push(`${at}: data access by inheritance (inject TenantDb and a repository instead)`);
    if (/@Param\('facilityId'[^)]*\)\s*_/.test(line)) breaches.push(`${at}: an unused facilityId parameter (use @FacilityController)`);
  });
}

// The repository stands alone: its comments and docs cite docs/rules.md, never files a clone lacks.
const text = files(
  ['apps', 'libs', 'scripts', 'test', 'bench', 'docs'],
  (p) => /\.(ts|tsx|mjs|cjs|js|md|hbs|html|css|json)$/.test(p) && !p.endsWith('schema.d.ts'),
).concat([join(root, 'README.md')]);
const OUTSIDE = /\.\.\/shared|\bNOTES\.md|\b(DOMAIN|API|STYLE)\.md\b|\b[Ii]ssues? #?\d/;
for (const file of text) {
  const path = relative(root, file);
  if (path === 'scripts/check-architecture.mjs') continue;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (OUTSIDE.test(line))
        breaches.push(`${path}:${i + 1}: refers to something outside the repository (cite docs/rules.md or docs/api.md)`);
    });
}

// The web app: no import circle (a page importing from the App that imports it).
mkdirSync(join(root, 'tmp'), { recursive: true });
const dpdm = spawnSync(
  join(root, 'node_modules', '.bin', 'dpdm'),
  ['--no-warning', '--no-tree', '-T', '--output', join(root, 'tmp', 'dpdm.json'), 'apps/web/src/main.tsx'],
  { cwd: root, encoding: 'utf8' },
);
if (dpdm.status !== 0) breaches.push(`dpdm failed: ${dpdm.stderr || dpdm.stdout}`);
else {
  const { circulars } = JSON.parse(readFileSync(join(root, 'tmp', 'dpdm.json'), 'utf8'));
  for (const circle of circulars) breaches.push(`apps/web: import circle ${circle.join(' → ')} → ${circle[0]}`);
}

if (breaches.length > 0) {
  console.error(`[check-architecture] ${breaches.length} breach(es):\n  ${breaches.join('\n  ')}`);
  process.exit(1);
}
console.log(`[check-architecture] ok: ${code.length} source files, ${text.length} files of text`);
