// Ops tier, part 2 (replica, backups): the bundles the specs run (cli.js migrates and seeds); each
// spec starts and stops its own servers from Debian's postgresql.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../../scripts/lib/build.mjs';

export default async function opsSetup() {
  ensureBuilt(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), ['api', 'worker']);
}
