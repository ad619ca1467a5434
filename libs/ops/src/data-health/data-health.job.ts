import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, serially } from '@careops/db';
import type PgBoss from 'pg-boss';
import { DataHealthService } from './data-health.service';

export const DATA_HEALTH_QUEUE = 'data-health-check';
export const DATA_HEALTH_SETTINGS = Symbol('DATA_HEALTH_SETTINGS');

export interface DataHealthJobSettings {
  cron: string;
  timezone: string;
  /** JOBS_CRON (a rehearsal): every scheduled job runs on this cron instead of its own. */
  rehearsalCron?: string;
}

/** Worker side: schedules the check nightly and runs each job that arrives on its queue. */
@Injectable()
export class DataHealthJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(DataHealthJob.name);

  constructor(
    @InjectQueue() private readonly boss: PgBoss,
    private readonly service: DataHealthService,
    @Inject(DATA_HEALTH_SETTINGS) private readonly settings: DataHealthJobSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await serially(async () => {
      await this.boss.createQueue(DATA_HEALTH_QUEUE, { name: DATA_HEALTH_QUEUE, policy: 'singleton', retryLimit: 2 });
      await this.boss.schedule(
        DATA_HEALTH_QUEUE,
        this.settings.rehearsalCron ?? this.settings.cron,
        { trigger: 'SCHEDULE' },
        { tz: this.settings.timezone },
      );
    });
    await this.boss.work<{ trigger?: 'SCHEDULE' | 'MANUAL' }>(
      DATA_HEALTH_QUEUE,
      { pollingIntervalSeconds: 2, batchSize: 1 },
      async ([job]) => {
        const report = await this.service.run(job.data?.trigger ?? 'MANUAL', job.id);
        this.logger.log({ jobId: job.id, ok: report.ok, checks: report.checks }, 'data-health check written');
        return { reportId: report.id, ok: report.ok };
      },
    );
    this.logger.log(`data-health check scheduled: "${this.settings.cron}" (${this.settings.timezone})`);
  }
}
