import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type PgBoss from 'pg-boss';
import { calendarDate, previousMonth } from '@careops/care';
import { InjectQueue, serially, type RequestContext, type TenantScope, withTenantScope } from '@careops/db';
import { FacilitiesService } from '@careops/facilities';
import { MonthlyReportsService } from '@careops/supervision';
import { DATA_HEALTH_SETTINGS, type DataHealthJobSettings } from '../data-health/data-health.job';

export const MONTHLY_REPORT_REMINDERS_QUEUE = 'monthly-report-reminders';

/**
 * docs/rules.md §11: on the 20th the worker reminds (an alert row MONTHLY_REPORT_NOT_SUBMITTED) every
 * facility that has not submitted the previous month's report, ahead of the bureau's 25th.
 */
@Injectable()
export class MonthlyReportRemindersJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(MonthlyReportRemindersJob.name);

  constructor(
    @InjectQueue() private readonly boss: PgBoss,
    private readonly reports: MonthlyReportsService,
    private readonly facilities: FacilitiesService,
    private readonly cls: ClsService<RequestContext>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @Inject(DATA_HEALTH_SETTINGS) private readonly settings: DataHealthJobSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await serially(async () => {
      const q = MONTHLY_REPORT_REMINDERS_QUEUE;
      await this.boss.createQueue(q, { name: q, policy: 'singleton', retryLimit: 2 });
      await this.boss.schedule(q, this.settings.rehearsalCron ?? '0 9 20 * *', {}, { tz: this.settings.timezone });
    });
    await this.boss.work<{ today?: string }>(MONTHLY_REPORT_REMINDERS_QUEUE, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) =>
      this.remindAll(job.data?.today),
    );
  }

  private inScope<T>(scope: TenantScope, work: () => Promise<T>): Promise<T> {
    return this.cls.run(() => {
      this.cls.set('auditCount', 0);
      return withTenantScope(this.txHost, this.cls, scope, work);
    });
  }

  async remindAll(today = calendarDate(new Date(), this.settings.timezone)): Promise<{ month: string; reminded: number }> {
    const month = previousMonth(today);
    let reminded = 0;
    // An archived facility reports nothing (docs/rules.md §11).
    const ids = (await this.inScope({ platform: true }, () => this.facilities.list())).filter((f) => !f.archivedAt).map((f) => f.id);
    for (const id of ids) reminded += await this.inScope({ facilityId: id }, () => this.reports.remindUnsubmitted(month, today));
    this.logger.log({ month, reminded }, 'monthly-report reminders');
    return { month, reminded };
  }
}
