import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { directOwnerUrl, runMigrations } from '@careops/db';
import { armShutdownDeadline, exitOnBootFailure, loadConfig } from '@careops/platform';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  if (config.MIGRATIONS_RUN === 'true') {
    await runMigrations(
      {
        // a session-level advisory lock: straight to PostgreSQL, past any pooler (docs/scale.md)
        url: directOwnerUrl(config),
        connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
        applicationName: 'careops:worker',
      },
      () => undefined,
      { provisionAppRole: !config.DATABASE_APP_URL, appPasswordFrom: config.DATABASE_URL },
    );
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  armShutdownDeadline(config.SHUTDOWN_TIMEOUT_MS + 15_000, (m) => app.get(Logger).log(m, 'Shutdown'));
  await app.init();
  app.get(Logger).log('careops worker started', 'Bootstrap');
}

bootstrap().catch((e) => exitOnBootFailure('worker', e));
