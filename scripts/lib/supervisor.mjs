// Keeps the processes of `npm start` running: one that dies is started again after a back-off.
import { spawn } from 'node:child_process';

const BACKOFF = { firstMs: 500, maxMs: 10_000, stableMs: 30_000 };

const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;

/** 0.5 s, doubling up to 10 s for a process that keeps dying; a run of 30 s starts over at 0.5 s. */
export class Backoff {
  constructor({ firstMs, maxMs, stableMs } = BACKOFF) {
    Object.assign(this, { firstMs, maxMs, stableMs, nextMs: firstMs });
  }

  /** The wait before the next start, given how long the last run lasted. */
  after(ranMs) {
    if (ranMs >= this.stableMs) this.nextMs = this.firstMs;
    const wait = this.nextMs;
    this.nextMs = Math.min(this.nextMs * 2, this.maxMs);
    return wait;
  }
}

/**
 * One supervised thing. `start()` resolves to a run: `{ pid, ended, stop() }`, where `ended`
 * resolves, when it dies, to how it ended ("was killed (SIGKILL)"). Until `restarting` is set a
 * death is the caller's `onFatal` (a process that cannot even start up is not restarted in a loop).
 */
export class Supervised {
  constructor({ name, start, log, onFatal, restartNote = '', backoff = new Backoff() }) {
    Object.assign(this, { name, startRun: start, log, onFatal, restartNote, backoff });
    this.restarting = false;
    this.released = false;
    this.current = null;
    this.starting = null;
    this.wakeUp = null;
  }

  /** Starts it now (or adopts `run`, already started) and watches it from then on. */
  async begin(run) {
    this.current = run ?? (await this.startRun());
    void this.watch();
    return this.current;
  }

  async watch() {
    for (;;) {
      const run = this.current;
      const how = await run.ended;
      if (this.released) return;
      if (!this.restarting) return this.onFatal(`${this.name} ${how}`);
      let wait = this.backoff.after(Date.now() - run.startedAt);
      this.log(
        `${this.name} (pid ${run.pid}) ${how} after ${seconds(Date.now() - run.startedAt)}; restarting it${this.restartNote} in ${seconds(wait)}`,
      );
      for (let attempt = 1; ; attempt++) {
        await new Promise((wake) => {
          this.wakeUp = wake;
          setTimeout(wake, wait);
        });
        if (this.released) return;
        this.starting = this.startRun();
        try {
          this.current = await this.starting;
          if (attempt > 1) this.log(`restarted ${this.name} (pid ${this.current.pid}) at attempt ${attempt}`);
          break;
        } catch (e) {
          if (this.released) return;
          wait = this.backoff.after(0);
          this.log(`restarting ${this.name} failed: ${firstLine(e)}; retrying in ${seconds(wait)}`);
        } finally {
          this.starting = null;
        }
      }
    }
  }

  /** No restart from now on (a pending one is cancelled); what runs keeps running. */
  release() {
    this.released = true;
    this.wakeUp?.();
  }

  /** Releases it, then stops what runs (after a start under way has finished). */
  async stop() {
    this.release();
    const started = await this.starting?.catch(() => null);
    await (started ?? this.current)?.stop();
  }
}

function firstLine(e) {
  return String(e?.message ?? e)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ')
    .slice(0, 300);
}

/** How a child process ended, in words. */
function ending(child) {
  const words = (code, signal) => (signal ? `was killed (${signal})` : `exited with code ${code}`);
  return new Promise((done) => {
    // It may have ended before anyone asked (the server while the demo was loading).
    if (child.exitCode !== null || child.signalCode !== null) return done(words(child.exitCode, child.signalCode));
    child.once('exit', (code, signal) => done(words(code, signal)));
    child.once('error', (e) => done(`could not be started (${e.message})`));
  });
}

/** A Node process of ours in its own process group (a terminal's Ctrl-C reaches only the launcher). */
export function nodeProcess(args, env, { graceMs = 30_000 } = {}) {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const ended = ending(child);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.kill('SIGTERM');
    await ended;
    clearTimeout(kill);
  };
  return { pid: child.pid, startedAt: Date.now(), ended, stop };
}

/** The embedded PostgreSQL, `server` its postmaster (a child of ours: PgCluster.serve); pg_ctl stops it. */
export function postgresRun(cluster, server) {
  return { pid: server.pid, startedAt: Date.now(), ended: ending(server), stop: () => cluster.stop() };
}
