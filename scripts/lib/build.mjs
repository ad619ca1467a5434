// Builds the API and worker bundles when they are missing or older than their sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How the API and worker processes are started (npm start, the benchmarks, the Dockerfile): a
 * larger young generation halves the GC pauses of the bed board under load (bench/beds.bench.mjs).
 */
export const NODE_FLAGS = ['--enable-source-maps', '--max-semi-space-size=32'];

export const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || /\.(int-|e2e-)?spec\.ts$/.test(entry)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function bundlesAreFresh(root, apps = ['api', 'worker']) {
  const sources = Math.max(
    newestMtime(join(root, 'apps')),
    newestMtime(join(root, 'libs')),
    newestMtime(join(root, 'tsconfig.json')),
    newestMtime(join(root, 'package-lock.json')),
  );
  return apps.every((app) => {
    // The web app's build is its index.html (Vite); the Node apps' is main.js (webpack).
    const bundle = join(root, 'dist', 'apps', app, app === 'web' ? 'index.html' : 'main.js');
    return existsSync(bundle) && statSync(bundle).mtimeMs >= sources;
  });
}

export function ensureBuilt(root, apps = ['api', 'worker']) {
  if (bundlesAreFresh(root, apps)) return;
  console.log(`[careops] building ${apps.join(' + ')} …`);
  const result = spawnSync(
    join(root, 'node_modules', '.bin', 'nx'),
    ['run-many', '-t', 'build', '-p', apps.join(','), '--outputStyle=static'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...NX_ENV },
    },
  );
  // Thrown, not exited: a caller that started a database stops it first.
  if (result.status !== 0) throw new Error('the build failed; see the messages above.');
}
