// Installs dependencies when node_modules is missing or older than the lockfile.
// Only Node built-ins here: this runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

export function ensureDependencies(root) {
  const lock = join(root, 'package-lock.json');
  const marker = join(root, 'node_modules', '.package-lock.json');
  const fresh =
    existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs);
  if (fresh) return;
  console.log('[careops] installing dependencies (npm install) …');
  // `npm ci` fails for an Nx workspace here (optional packages of other platforms); npm install is used.
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true', NX_DAEMON: 'false' },
  });
  if (result.status !== 0) {
    console.error('[careops] npm install failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
  // npm leaves the marker untouched when nothing changed; touch it so the next run skips the install.
  if (existsSync(marker)) utimesSync(marker, new Date(), new Date());
}
