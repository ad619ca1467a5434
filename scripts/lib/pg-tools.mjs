// PostgreSQL's client programs (pg_dump, pg_restore, pg_basebackup) for a given server: Debian's
// /usr/lib/postgresql/<major>/bin, then the PATH. A dump needs a pg_dump of the server's major or newer
// (an older one refuses), so the newest one found is taken and checked against the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { aptInstallAsRoot } from './deps.mjs';

const DEBIAN = '/usr/lib/postgresql';

/** Every `tool` found, newest major first: [{ path, major }]. */
export function findTools(tool) {
  const found = [];
  if (existsSync(DEBIAN)) {
    for (const v of readdirSync(DEBIAN)) {
      const path = join(DEBIAN, v, 'bin', tool);
      if (/^\d+$/.test(v) && existsSync(path)) found.push({ path, major: Number(v) });
    }
  }
  const onPath = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  const m = onPath.status === 0 && /(\d+)(?:\.\d+)?/.exec(onPath.stdout);
  if (m && !found.some((t) => t.major === Number(m[1]))) found.push({ path: tool, major: Number(m[1]) });
  return found.sort((a, b) => b.major - a.major);
}

/** The `tool` to use with a server of `serverMajor`, or an Error that says what to install. */
export function toolFor(tool, serverMajor) {
  const found = findTools(tool);
  const usable = found.find((t) => t.major >= serverMajor);
  if (usable) return usable;
  const have = found.length ? `this machine has ${found.map((t) => `${tool} ${t.major}`).join(', ')}` : `no ${tool} is installed`;
  return new Error(
    `${tool} ${serverMajor} or newer is needed for this PostgreSQL ${serverMajor} server, and ${have}. ` +
      `Install PostgreSQL ${serverMajor}'s client programs (Debian: postgresql-client-${serverMajor}, from a repository that has it), ` +
      `or point DATABASE_URL at a server of a major your ${tool} supports.`,
  );
}

/**
 * `toolFor`, installing the server's client programs first when none fits and the Debian archive has
 * them (as root): postgresql-client-15 for the embedded PostgreSQL 15 on Debian 12.
 */
export function toolOrInstall(tool, serverMajor) {
  const found = toolFor(tool, serverMajor);
  if (!(found instanceof Error) || !aptInstallAsRoot([`postgresql-client-${serverMajor}`])) return found;
  return toolFor(tool, serverMajor);
}

/** libpq's environment for `url`: the password never appears in a process list. */
export function libpqEnv(url) {
  const u = new URL(url);
  return {
    PGHOST: u.hostname || '127.0.0.1',
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username || 'postgres'),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    ...(u.searchParams.get('sslmode') ? { PGSSLMODE: u.searchParams.get('sslmode') } : {}),
  };
}

/** `url` with its password hidden, for messages. */
export function shown(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** The server's major version (15 for 15.18). */
export async function serverMajor(client) {
  const { rows } = await client.query(`SELECT current_setting('server_version_num')::int AS v`);
  return Math.floor(rows[0].v / 10000);
}
