// Installs dependencies when node_modules is missing or older than the lockfile.
// Only Node built-ins here: this runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

export function ensureDependencies(root) {
  const lock = join(root, 'package-lock.json');
  const marker = join(root, 'node_modules', '.package-lock.json');
  const fresh = existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs);
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

/**
 * The documents need Chromium, a CJK font and, for the tests, poppler's pdftotext:
 * Debian `chromium`, `fonts-noto-cjk`, `poppler-utils`. Installed here with apt-get when missing
 * and we are root; otherwise a clear message says how. PUPPETEER_EXECUTABLE_PATH overrides the browser.
 */
export function ensureSystemPackages({ forTests = false } = {}) {
  const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
  const browser = process.env.PUPPETEER_EXECUTABLE_PATH || ['chromium', 'chromium-browser', 'google-chrome'].find(has);
  const wanted = [];
  if (!browser) wanted.push('chromium');
  if (!existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) wanted.push('fonts-noto-cjk');
  if (forTests && !has('pdftotext')) wanted.push('poppler-utils');
  if (wanted.length === 0) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !has('apt-get')) {
    console.error(
      `[careops] PDF documents need: ${wanted.join(' ')}. Install them (Debian, as root):\n  apt-get install -y ${wanted.join(' ')}\n` +
        'or set PUPPETEER_EXECUTABLE_PATH to a Chromium and install a Noto Sans CJK font.',
    );
    process.exit(1);
  }
  console.log(`[careops] installing ${wanted.join(', ')} (apt-get) …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...wanted], { stdio: 'inherit', env });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...wanted], { stdio: 'inherit', env });
  }
  if (r.status !== 0) {
    console.error(`[careops] apt-get install ${wanted.join(' ')} failed; install them by hand and run again.`);
    process.exit(1);
  }
}
