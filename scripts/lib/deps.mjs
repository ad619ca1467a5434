// Installs dependencies when node_modules is missing or older than the lockfile.
// Only Node built-ins here: this runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

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

/** Debian's Noto Sans CJK collections; face 2 of each is Simplified Chinese (SC). */
export const NOTO_CJK = {
  regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  faceIndex: 2,
};
/** Debian's fonts-hanazono: HanaMinB has CJK Extension B and later (U+2A6D6 …), which Noto lacks. */
export const HANAZONO_B = '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf';

const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
/** A Python with fontTools: Debian's python3-fonttools is in /usr/bin/python3, which a pyenv or venv on the PATH hides. */
const fontToolsPython = () =>
  ['/usr/bin/python3', 'python3'].find((py) => spawnSync(py, ['-c', 'import fontTools.pens.cu2quPen'], { stdio: 'ignore' }).status === 0);

/**
 * The documents need Chromium, a CJK font and, for the tests, poppler's pdftotext:
 * Debian `chromium`, `fonts-noto-cjk`, `poppler-utils`; and, to print Chinese as CID TrueType
 * rather than Type 3, `python3-fonttools` (the one-time conversion below) and `fonts-hanazono`
 * (rare characters). Installed here with apt-get when missing and we are root; otherwise a clear
 * message says how. PUPPETEER_EXECUTABLE_PATH overrides the browser. Then the fonts are converted
 * (once; see ensureTrueTypeFonts).
 */
export function ensureSystemPackages({ forTests = false } = {}) {
  const browser = process.env.PUPPETEER_EXECUTABLE_PATH || ['chromium', 'chromium-browser', 'google-chrome'].find(has);
  const wanted = [];
  if (!browser) wanted.push('chromium');
  if (!existsSync(NOTO_CJK.regular)) wanted.push('fonts-noto-cjk');
  if (forTests && !has('pdftotext')) wanted.push('poppler-utils');
  // Wanted, not needed: without them documents still print (Type 3 fonts, rare characters from the system).
  const optional = [];
  if (!fontToolsPython()) optional.push('python3-fonttools');
  if (!existsSync(HANAZONO_B)) optional.push('fonts-hanazono');
  if (wanted.length + optional.length > 0) {
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    const all = [...wanted, ...optional];
    if (!root || !has('apt-get')) {
      const line = `apt-get install -y ${all.join(' ')}`;
      if (wanted.length > 0) {
        console.error(
          `[careops] PDF documents need: ${all.join(' ')}. Install them (Debian, as root):\n  ${line}\n` +
            'or set PUPPETEER_EXECUTABLE_PATH to a Chromium and install a Noto Sans CJK font.',
        );
        process.exit(1);
      }
      console.warn(
        `[careops] warning: ${optional.join(' ')} missing (not root, so not installed): PDFs fall back to slower fonts. As root: ${line}`,
      );
    } else if (!aptInstall(all) && wanted.length > 0) {
      console.error(`[careops] apt-get install ${all.join(' ')} failed; install them by hand and run again.`);
      process.exit(1);
    }
  }
  if (forTests) ensureOpsPackages();
  ensureTrueTypeFonts();
}

/** A Debian PostgreSQL (server and client programs of one major) under /usr/lib/postgresql/<major>/bin. */
const hasDebianPostgres = () =>
  existsSync('/usr/lib/postgresql') &&
  readdirSync('/usr/lib/postgresql').some((v) =>
    ['postgres', 'pg_basebackup', 'pg_dump', 'pg_restore'].every((b) => existsSync(join('/usr/lib/postgresql', v, 'bin', b))),
  );

/**
 * The ops tier (test/ops, docs/scale.md) runs PgBouncer in transaction pooling and, for the replica
 * and the backups, Debian's PostgreSQL with pg_basebackup, pg_dump and pg_restore of its own major
 * (the embedded server's bundle has only the server): Debian `pgbouncer` and `postgresql`.
 */
function ensureOpsPackages() {
  const wanted = [];
  if (!existsSync('/usr/sbin/pgbouncer') && !has('pgbouncer')) wanted.push('pgbouncer');
  if (!hasDebianPostgres()) wanted.push('postgresql');
  if (wanted.length === 0) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !has('apt-get') || !aptInstall(wanted)) {
    console.error(
      `[careops] the ops tests (PgBouncer, a streaming replica, backups) need: ${wanted.join(' ')}. Install them (Debian, as root):\n` +
        `  apt-get install -y ${wanted.join(' ')}`,
    );
    process.exit(1);
  }
}

/** apt-get install `packages` when we are root on Debian and the archive has them all; whether they are installed now. */
export function aptInstallAsRoot(packages) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !has('apt-get')) return false;
  const known = (p) => spawnSync('apt-cache', ['show', p], { stdio: 'ignore' }).status === 0;
  if (!packages.every(known))
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return packages.every(known) && aptInstall(packages);
}

function aptInstall(packages) {
  console.log(`[careops] installing ${packages.join(', ')} (apt-get) …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  }
  return r.status === 0;
}

/**
 * Noto Sans CJK SC Regular and Bold rewritten with TrueType outlines (scripts/lib/convert-font.py),
 * ONCE: kept in `dir` (default .data/fonts) with a manifest.json naming each file and the size and
 * mtime of the collection it came from, so an upgraded font package is converted again. The two
 * weights convert in parallel (~70-100 s each on 2 cores). The renderer (libs/pdf fonts.ts) reads the
 * manifest; without it (no fontTools, a failed conversion) it subsets the CFF collections: same
 * text, Type 3 fonts, slower PDFs. Returns whether TrueType fonts are ready.
 */
export function ensureTrueTypeFonts(dir = process.env.PDF_FONT_DIR || join(ROOT, '.data', 'fonts')) {
  if (!existsSync(NOTO_CJK.regular) || !existsSync(NOTO_CJK.bold)) return false;
  const manifestPath = join(dir, 'manifest.json');
  const key = (source) => {
    const s = statSync(source);
    return { source, faceIndex: NOTO_CJK.faceIndex, size: s.size, mtimeMs: Math.trunc(s.mtimeMs) };
  };
  const want = Object.fromEntries(
    ['regular', 'bold'].map((weight) => {
      const k = key(NOTO_CJK[weight]);
      return [weight, { ...k, file: `NotoSansCJKsc-${weight}-${k.size}-${k.mtimeMs}.ttf` }];
    }),
  );
  let manifest = {};
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    /* none yet */
  }
  const current = (weight) => manifest[weight]?.file === want[weight].file && existsSync(join(dir, want[weight].file));
  const todo = ['regular', 'bold'].filter((weight) => !current(weight));
  if (todo.length === 0) return true;
  const python = fontToolsPython();
  if (!python) {
    console.warn('[careops] warning: no fontTools (python3-fonttools): PDFs embed the CJK font as Type 3 (larger, slower to print)');
    return false;
  }
  mkdirSync(dir, { recursive: true });
  const script = join(dirname(fileURLToPath(import.meta.url)), 'convert-font.py');
  console.log(`[careops] converting Noto Sans CJK SC ${todo.join(' and ')} to TrueType outlines, once (about 1–2 minutes) …`);
  const started = Date.now();
  // Both at once: one python3 per weight, each on a core.
  const q = (x) => `'${String(x).replaceAll("'", `'\\''`)}'`;
  const jobs = todo.map((w) => `${q(python)} ${q(script)} ${q(want[w].source)} ${want[w].faceIndex} ${q(join(dir, want[w].file))} &`);
  spawnSync('sh', ['-c', `${jobs.join(' ')} wait`], { stdio: 'inherit' });
  const done = todo.filter((w) => existsSync(join(dir, want[w].file)));
  for (const w of done) manifest[w] = want[w];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  // Older conversions (an upgraded font package) and the leftovers of an interrupted one go.
  const kept = new Set(['manifest.json', ...Object.values(manifest).map((m) => m.file)]);
  for (const file of readdirSync(dir)) if (!kept.has(file) && /\.ttf(\.\d+\.tmp)?$/.test(file)) rmSync(join(dir, file), { force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (done.length < todo.length) {
    console.warn(`[careops] warning: converting the CJK font failed (see above); PDFs embed it as Type 3 (larger, slower to print)`);
    return false;
  }
  console.log(`[careops] CJK fonts converted in ${seconds} s (kept in ${dir})`);
  return true;
}
