import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { directOwnerUrl, runMigrations } from '@careops/db';
import { armShutdownDeadline, exitOnBootFailure, loadConfig } from '@careops/platform';
import { AppModule } from './app/app.module';
import { configureApp, GLOBAL_PREFIX } from './app/configure-app';
import { Draining } from './app/health/draining';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // Migrations hold a session-level advisory lock: straight to PostgreSQL, past any pooler (docs/scale.md).
  const database = { url: directOwnerUrl(config), connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS, applicationName: 'careops:api' };
  if (config.MIGRATIONS_RUN === 'true' && cluster.isPrimary) {
    await runMigrations(
      database,
      (m) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg: m, context: 'Migrations' })}\n`),
      { provisionAppRole: !config.DATABASE_APP_URL, appPasswordFrom: config.DATABASE_URL },
    );
  }
  if (config.API_WORKERS > 1 && cluster.isPrimary) return supervise(config.API_WORKERS, config.SHUTDOWN_TIMEOUT_MS);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  configureApp(app);
  // Readiness turns 503 at the signal itself, before the shutdown hooks begin.
  const draining = app.get(Draining);
  process.once('SIGTERM', () => draining.begin());
  process.once('SIGINT', () => draining.begin());
  app.enableShutdownHooks();
  const logger = app.get(Logger);
  armShutdownDeadline(config.SHUTDOWN_TIMEOUT_MS, (m) => logger.log(m, 'Shutdown'));
  await app.listen(config.PORT, config.HOST);
  logger.log(`careops API listening on http://${config.HOST}:${config.PORT}/${GLOBAL_PREFIX}`, 'Bootstrap');
}

/**
 * API_WORKERS > 1: this process migrates, then forks that many HTTP workers sharing the port (the
 * bed board under many clients needs more than one core). SIGTERM/SIGINT drain every worker. A
 * worker that dies is forked again after a back-off (the launcher's: 0.5 s doubling to 10 s, back
 * to 0.5 s after a run of 30 s), so one that cannot start (the database down) does not spin.
 */
function supervise(workers: number, shutdownMs: number): void {
  let stopping = false;
  let backoffMs = 500;
  const forkedAt = new Map<number, number>();
  const log = (msg: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg, context: 'Cluster' })}\n`);
  const fork = () => forkedAt.set(cluster.fork().id, Date.now());
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    const ranMs = Date.now() - (forkedAt.get(worker.id) ?? 0);
    forkedAt.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (ranMs >= 30_000) backoffMs = 500;
    log(`worker ${worker.process.pid} exited (${signal ?? code}); starting another in ${backoffMs} ms`);
    setTimeout(() => {
      if (!stopping) fork();
    }, backoffMs);
    backoffMs = Math.min(backoffMs * 2, 10_000);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: draining ${workers} workers`);
    const running = Object.values(cluster.workers ?? {});
    if (running.length === 0) process.exit(0);
    for (const worker of running) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), shutdownMs + 5000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

bootstrap().catch((e) => exitOnBootFailure('api', e));
