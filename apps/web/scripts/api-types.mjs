// The web app's API types come from the API's own OpenAPI document (apps/web/src/api/openapi.json,
// refreshed by the e2e test from the running app): openapi-typescript writes schema.d.ts, and the
// type check of the web app then fails wherever the app uses a route or field the API lacks.
import openapiTS, { astToString } from 'openapi-typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = new URL('../src/api/', import.meta.url);
const doc = JSON.parse(readFileSync(new URL('openapi.json', dir), 'utf8'));
// Fields with a default stay optional in request bodies (the API fills them in).
const ast = await openapiTS(doc, { defaultNonNullable: false });
writeFileSync(
  fileURLToPath(new URL('schema.d.ts', dir)),
  `// Generated from openapi.json by apps/web/scripts/api-types.mjs; do not edit.\n${astToString(ast)}`,
);
