// A PgBouncer in transaction pooling (Debian `pgbouncer`, installed by scripts/lib/deps.mjs) in front of
// a PostgreSQL server: any database name is passed through (the `*` fallback), logins from an auth file.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../scripts/lib/pg-cluster.mjs';

export function pgbouncerBinary() {
  const found = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find(existsSync);
  if (found) return found;
  const which = spawnSync('sh', ['-c', 'command -v pgbouncer'], { encoding: 'utf8' });
  if (which.status === 0) return which.stdout.trim();
  throw new Error('pgbouncer is not installed: as root, `apt-get install -y pgbouncer` (npm test installs it)');
}

/** PgBouncer refuses to run as root: then it runs as the `postgres` system user, like the test servers. */
function runAs() {
  if (userInfo().uid !== 0) return {};
  const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

const quote = (s) => `"${String(s).replaceAll('"', '""')}"`;

function listening(port) {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), ok(true)));
    socket.once('error', () => ok(false));
  });
}

/**
 * Starts PgBouncer on a free port for the server at `serverUrl` (its host and port), with `users`
 * ({ name: password }) allowed in by SCRAM. Returns its port, `url(of)` (the same login and database
 * through PgBouncer), `stats()` from its admin console, and `stop()`.
 */
export async function startPgBouncer({ serverUrl, users, poolSize = 20 }) {
  const server = new URL(serverUrl);
  const dir = mkdtempSync(join(tmpdir(), 'careops-pgbouncer-'));
  const ids = runAs();
  const port = await freePort();
  const admin = decodeURIComponent(server.username);
  writeFileSync(
    join(dir, 'userlist.txt'),
    Object.entries(users)
      .map(([u, p]) => `${quote(u)} ${quote(p)}\n`)
      .join(''),
    { mode: 0o600 },
  );
  const ini = [
    '[databases]',
    `* = host=${server.hostname} port=${server.port}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = scram-sha-256',
    `auth_file = ${join(dir, 'userlist.txt')}`,
    'pool_mode = transaction',
    'max_client_conn = 2000',
    `default_pool_size = ${poolSize}`,
    // node-postgres and pg-boss send these at start-up; PgBouncer would refuse the connection.
    'ignore_startup_parameters = extra_float_digits,options',
    `admin_users = ${admin}`,
    `stats_users = ${admin}`,
    `logfile = ${join(dir, 'pgbouncer.log')}`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'pgbouncer.ini'), ini, { mode: 0o600 });
  if (ids.uid !== undefined) {
    chmodSync(dir, 0o755);
    for (const f of ['', 'userlist.txt', 'pgbouncer.ini']) chownSync(join(dir, f), ids.uid, ids.gid);
  }
  const child = spawn(pgbouncerBinary(), [join(dir, 'pgbouncer.ini')], { ...ids, stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 15_000;
  while (!(await listening(port))) {
    if (exited || Date.now() > deadline) {
      child.kill('SIGKILL');
      const log = existsSync(join(dir, 'pgbouncer.log')) ? readFileSync(join(dir, 'pgbouncer.log'), 'utf8') : '';
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`pgbouncer did not start:\n${log.split('\n').slice(-10).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = (of) => {
    const u = new URL(of);
    u.hostname = '127.0.0.1';
    u.port = String(port);
    return u.toString();
  };
  return {
    port,
    pid: child.pid,
    url,
    log: () => (existsSync(join(dir, 'pgbouncer.log')) ? readFileSync(join(dir, 'pgbouncer.log'), 'utf8') : ''),
    /** SHOW STATS of the admin console, per database: total transactions and queries served. */
    async stats() {
      const { default: pg } = await import('pg');
      const consoleUrl = new URL(url(serverUrl));
      consoleUrl.pathname = '/pgbouncer';
      // The admin console speaks the simple query protocol only (what pg uses for a query without values).
      const client = new pg.Client({ connectionString: consoleUrl.toString() });
      await client.connect();
      try {
        const { rows } = await client.query('SHOW STATS');
        return rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const until = Date.now() + 5000;
        while (!exited && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
        if (!exited) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
