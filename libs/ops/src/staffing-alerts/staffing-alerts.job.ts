import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { calendarDate } from '@careops/care';
import { InjectQueue, serially } from '@careops/db';
import { projectStaffingAlerts } from '@careops/staff';

export const STAFFING_ALERTS_QUEUE = 'staffing-alerts';
export const STAFFING_ALERTS_SETTINGS = Symbol('STAFFING_ALERTS_SETTINGS');

/** Worker: every evening, projects tomorrow's staffing of every facility and writes alerts. */
@Injectable()
export class StaffingAlertsJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(StaffingAlertsJob.name);

  constructor(
    @InjectQueue() private readonly boss: PgBoss,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(STAFFING_ALERTS_SETTINGS) private readonly settings: { cron: string; timezone: string },
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await serially(async () => {
      await this.boss.createQueue(STAFFING_ALERTS_QUEUE, { name: STAFFING_ALERTS_QUEUE, policy: 'singleton', retryLimit: 2 });
      await this.boss.schedule(STAFFING_ALERTS_QUEUE, this.settings.cron, {}, { tz: this.settings.timezone });
    });
    await this.boss.work<{ today?: string }>(STAFFING_ALERTS_QUEUE, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
      // Today is the calendar day where the schedule runs (APP_TIMEZONE), not the server's.
      const result = await projectStaffingAlerts(this.dataSource, job.data?.today ?? calendarDate(new Date(), this.settings.timezone));
      this.logger.log({ jobId: job.id, ...result }, 'staffing alerts projected');
      return result;
    });
  }
}
