import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { TEST_ID_KEYS, TEST_JWT_SECRET } from './secrets';

export const ROOT = resolve(__dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

/** Runs a command of the project the way a user would, collecting its output. */
export function run(command: string, args: string[], env: Record<string, string | undefined>): Spawned {
  const started = Date.now();
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal, ms: Date.now() - started })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

export function runApi(env: Record<string, string | undefined>): Spawned {
  return run(process.execPath, [join(ROOT, 'dist/apps/api/main.js')], { JWT_SECRET: TEST_JWT_SECRET, ...TEST_ID_KEYS, ...env });
}

export function runLauncher(command: string, env: Record<string, string | undefined>, args: string[] = []): Spawned {
  return run(process.execPath, [join(ROOT, 'scripts/careops.mjs'), command, ...args], env);
}

/** Polls `probe`; on timeout the error carries the watched process's output, and it is stopped. */
export async function waitUntil(what: string, probe: () => Promise<boolean> | boolean, ms: number, watched?: Spawned): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline || (watched && watched.child.exitCode !== null)) {
      const output = watched ? `\n--- stdout ---\n${watched.stdout().slice(-6000)}\n--- stderr ---\n${watched.stderr().slice(-3000)}` : '';
      watched?.child.kill('SIGTERM');
      throw new Error(`gave up waiting for ${what} after ${ms} ms${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The status of GET `path` on the local `port`; 0 when nothing answers within `timeoutMs`. */
export async function statusOf(port: number, path: string, timeoutMs = 5000): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

export function healthStatus(port: number): Promise<number> {
  return statusOf(port, '/api/health');
}

/** Seconds from `since` until `probe` holds, polled every `everyMs`; throws once `ms` have passed since then. */
export async function secondsUntil(
  what: string,
  probe: () => Promise<boolean> | boolean,
  ms: number,
  { since = Date.now(), everyMs = 100 } = {},
): Promise<number> {
  while (!(await probe())) {
    if (Date.now() - since > ms) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return (Date.now() - since) / 1000;
}

/** The child processes of `parent` whose command line contains `command` (Linux /proc). */
export function childPids(parent: number, command = ''): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === parent && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(command);
      } catch {
        return false;
      }
    })
    .map(Number);
}
