import { ChildProcess, spawn } from 'node:child_process';
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

export async function healthStatus(port: number): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).status;
  } catch {
    return 0;
  }
}
