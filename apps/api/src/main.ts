import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { runMigrations } from '@careops/db';
import { armShutdownDeadline, exitOnBootFailure, loadConfig } from '@careops/platform';
import { AppModule } from './app/app.module';
import { configureApp, GLOBAL_PREFIX } from './app/configure-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const database = { url: config.DATABASE_URL, connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS, applicationName: 'careops:api' };
  if (config.MIGRATIONS_RUN === 'true') {
    await runMigrations(
      database,
      (m) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg: m, context: 'Migrations' })}\n`),
      { provisionAppRole: !config.DATABASE_APP_URL },
    );
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  configureApp(app);
  app.enableShutdownHooks();
  const logger = app.get(Logger);
  armShutdownDeadline(config.SHUTDOWN_TIMEOUT_MS, (m) => logger.log(m, 'Shutdown'));
  await app.listen(config.PORT, config.HOST);
  logger.log(`careops API listening on http://${config.HOST}:${config.PORT}/${GLOBAL_PREFIX}`, 'Bootstrap');
}

bootstrap().catch((e) => exitOnBootFailure('api', e));
