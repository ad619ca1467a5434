// A throwaway PostgreSQL from Debian's `postgresql` package (installed by scripts/lib/deps.mjs), with
// the client programs of the same major (pg_basebackup, pg_dump, pg_restore): the embedded server's
// bundle has only the server. As root the server runs as the `postgres` system user.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const DEBIAN = '/usr/lib/postgresql';

/** The newest Debian PostgreSQL's bin directory. */
export function debianBin(): string {
  const majors = existsSync(DEBIAN)
    ? readdirSync(DEBIAN)
        .filter((v) => /^\d+$/.test(v) && existsSync(join(DEBIAN, v, 'bin', 'postgres')))
        .map(Number)
        .sort((a, b) => b - a)
    : [];
  if (majors.length === 0)
    throw new Error('Debian PostgreSQL is not installed: as root, `apt-get install -y postgresql` (npm test installs it)');
  return join(DEBIAN, String(majors[0]), 'bin');
}

function ids(): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Runs a PostgreSQL program as the server's user; throws with its output on failure. */
export function pgRun(tool: string, args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): string {
  const options: SpawnSyncOptions = { ...ids(), encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8', ...env }, timeout: timeoutMs };
  const r = spawnSync(join(debianBin(), tool), args, options);
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}${r.stdout}`);
  return String(r.stdout);
}

export const SUPERUSER_PASSWORD = 'ops-test';

export class DebianCluster {
  readonly dir: string;
  private running = false;

  private constructor(
    readonly parent: string,
    readonly port: number,
  ) {
    this.dir = join(parent, 'data');
  }

  /** A new, empty data directory (initdb, SCRAM, superuser `postgres`), not started. */
  static init(port: number): DebianCluster {
    const c = new DebianCluster(DebianCluster.parentDir(), port);
    const pw = join(c.parent, 'pw');
    writeFileSync(pw, `${SUPERUSER_PASSWORD}\n`, { mode: 0o600 });
    c.own(pw);
    pgRun('initdb', ['-D', c.dir, '-U', 'postgres', `--pwfile=${pw}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8']);
    rmSync(pw);
    return c;
  }

  /** A data directory to be filled by someone else (pg_basebackup). */
  static empty(port: number): DebianCluster {
    return new DebianCluster(DebianCluster.parentDir(), port);
  }

  private static parentDir(): string {
    const parent = mkdtempSync(join(tmpdir(), 'careops-ops-pg-'));
    chmodSync(parent, 0o755);
    const { uid, gid } = ids();
    if (uid !== undefined && gid !== undefined) chownSync(parent, uid, gid);
    return parent;
  }

  private own(path: string): void {
    const { uid, gid } = ids();
    if (uid !== undefined && gid !== undefined) chownSync(path, uid, gid);
  }

  /** Appends settings to postgresql.conf and lines to pg_hba.conf (before start). */
  configure(settings: Record<string, string>, hba: string[] = []): void {
    appendFileSync(
      join(this.dir, 'postgresql.conf'),
      Object.entries(settings)
        .map(([k, v]) => `${k} = '${v}'\n`)
        .join(''),
    );
    if (hba.length > 0) appendFileSync(join(this.dir, 'pg_hba.conf'), hba.map((l) => `${l}\n`).join(''));
  }

  start(): void {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off`;
    pgRun('pg_ctl', ['start', '-D', this.dir, '-w', '-t', '60', '-l', join(this.parent, 'server.log'), '-o', options]);
    this.running = true;
  }

  /** Stops the server at once (its files stay). */
  stop(): void {
    pgRun('pg_ctl', ['stop', '-D', this.dir, '-m', 'immediate', '-w', '-t', '30']);
    this.running = false;
  }

  /** Stops the server (immediately) and removes its files; safe to call twice or after a failed start. */
  destroy(): void {
    if (existsSync(join(this.dir, 'postmaster.pid'))) {
      try {
        pgRun('pg_ctl', ['stop', '-D', this.dir, '-m', 'immediate', '-w', '-t', '30']);
      } catch {
        /* already stopped */
      }
    }
    this.running = false;
    rmSync(this.parent, { recursive: true, force: true });
  }

  url(database: string, user = 'postgres', password = SUPERUSER_PASSWORD): string {
    return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${database}`;
  }

  async query<T = Record<string, unknown>>(database: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
}
