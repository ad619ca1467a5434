import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type PgBoss from 'pg-boss';
import { addDays, calendarDate } from '@careops/care';
import { ClaimFrozenError, ClaimsService } from '@careops/claims';
import { InjectQueue, serially, type RequestContext, type TenantScope, withTenantScope } from '@careops/db';
import { FacilitiesService } from '@careops/facilities';
import { DATA_HEALTH_SETTINGS, type DataHealthJobSettings } from '../data-health/data-health.job';

export const MONTHLY_CLAIMS_QUEUE = 'monthly-claims';
export const CLAIM_REMINDERS_QUEUE = 'claim-reminders';

/** The month before the one `today` is in. */
export function previousMonth(today: string): string {
  return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

/**
 * on the 1st the worker drafts every facility's claim for the previous month; on the
 * 20th it reminds (an alert row) those that have not submitted it, ahead of the bureau's 25th.
 */
@Injectable()
export class MonthlyClaimsJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(MonthlyClaimsJob.name);

  constructor(
    @InjectQueue() private readonly boss: PgBoss,
    private readonly claims: ClaimsService,
    private readonly facilities: FacilitiesService,
    private readonly cls: ClsService<RequestContext>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    // The worker's settings: its time zone is the configured APP_TIMEZONE.
    @Inject(DATA_HEALTH_SETTINGS) private readonly settings: DataHealthJobSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const tz = this.settings.timezone;
    const every = this.settings.rehearsalCron;
    await serially(async () => {
      await this.boss.createQueue(MONTHLY_CLAIMS_QUEUE, { name: MONTHLY_CLAIMS_QUEUE, policy: 'singleton', retryLimit: 2 });
      await this.boss.schedule(MONTHLY_CLAIMS_QUEUE, every ?? '0 2 1 * *', {}, { tz });
      await this.boss.createQueue(CLAIM_REMINDERS_QUEUE, { name: CLAIM_REMINDERS_QUEUE, policy: 'singleton', retryLimit: 2 });
      await this.boss.schedule(CLAIM_REMINDERS_QUEUE, every ?? '0 9 20 * *', {}, { tz });
    });
    await this.boss.work<{ today?: string }>(MONTHLY_CLAIMS_QUEUE, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) =>
      this.draftAll(job.data?.today),
    );
    await this.boss.work<{ today?: string }>(CLAIM_REMINDERS_QUEUE, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) =>
      this.remindAll(job.data?.today),
    );
  }

  /** Today in the configured time zone. */
  private today(): string {
    return calendarDate(new Date(), this.settings.timezone);
  }

  /** In a scope of its own, as a request would run (CLS + a transaction with its tenant). */
  private inScope<T>(scope: TenantScope, work: () => Promise<T>): Promise<T> {
    return this.cls.run(() => {
      this.cls.set('auditCount', 0);
      return withTenantScope(this.txHost, this.cls, scope, work);
    });
  }

  /** Every facility (the platform's scope). */
  private async facilityIds(): Promise<string[]> {
    return (await this.inScope({ platform: true }, () => this.facilities.list())).map((f) => f.id);
  }

  async draftAll(today = this.today()): Promise<{ month: string; drafted: number; skipped: number }> {
    const month = previousMonth(today);
    let drafted = 0;
    let skipped = 0;
    for (const id of await this.facilityIds()) {
      for (const programme of await this.inScope({ facilityId: id }, () => this.claims.programmesDue(month))) {
        try {
          await this.inScope({ facilityId: id }, () => this.claims.draft(month, programme));
          drafted++;
        } catch (e) {
          if (!(e instanceof ClaimFrozenError)) throw e;
          skipped++; // already submitted: a frozen claim is never redrafted
        }
      }
    }
    this.logger.log({ month, drafted, skipped }, 'monthly claims drafted');
    return { month, drafted, skipped };
  }

  async remindAll(today = this.today()): Promise<{ month: string; reminded: number }> {
    const month = previousMonth(today);
    let reminded = 0;
    for (const id of await this.facilityIds()) {
      reminded += await this.inScope({ facilityId: id }, () => this.claims.remindUnsubmitted(month, today));
    }
    return { month, reminded };
  }
}
