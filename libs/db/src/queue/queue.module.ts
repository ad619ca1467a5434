import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';

export const PG_BOSS = Symbol('PG_BOSS');
export const InjectQueue = () => Inject(PG_BOSS);

export interface QueueSettings {
  url: string;
  /** Run pg-boss's cron scheduler and maintenance in this process (the worker), or only send (the API). */
  role: 'worker' | 'client';
  /** Seconds between looks at the schedules (pg-boss's cronMonitorIntervalSeconds; its default 30). */
  cronCheckSeconds?: number;
}

/** Stops pg-boss on shutdown, letting running jobs finish first. */
@Injectable()
class QueueLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PG_BOSS) private readonly boss: PgBoss) {}

  async onApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 15_000 });
  }
}

/** The job queue on PostgreSQL (pg-boss, schema `pgboss`) shared by the API and the worker. */
@Module({})
export class QueueModule {
  static forRoot(settings: QueueSettings): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      providers: [
        {
          provide: PG_BOSS,
          useFactory: async () => {
            const logger = new Logger('Queue');
            const worker = settings.role === 'worker';
            // pg's own pool option (pg-boss hands its options to the pool): a hung server fails the connect.
            const pool = { connectionTimeoutMillis: 5000 };
            const boss = new PgBoss({
              ...pool,
              connectionString: settings.url,
              schema: 'pgboss',
              application_name: `careops:${settings.role}:queue`,
              max: 4,
              schedule: worker,
              supervise: worker,
              migrate: true,
              ...(settings.cronCheckSeconds ? { cronMonitorIntervalSeconds: settings.cronCheckSeconds, cronWorkerIntervalSeconds: 1 } : {}),
            });
            boss.on('error', (err) => logger.error({ err }, 'queue error'));
            await boss.start();
            return boss;
          },
        },
        QueueLifecycle,
      ],
      exports: [PG_BOSS],
    };
  }
}
