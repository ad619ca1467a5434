import { ConflictException, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { addDays, calendarDate, PROGRAMME_LABELS } from '@careops/care';
import { ClaimsService } from '@careops/claims';
import { applyTenantScope, InjectQueue, serially, type RequestContext, withTenantScope } from '@careops/db';

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ClaimsService,
    private readonly cls: ClsService<RequestContext>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await serially(async () => {
      await this.boss.createQueue(MONTHLY_CLAIMS_QUEUE, { name: MONTHLY_CLAIMS_QUEUE, policy: 'singleton', retryLimit: 2 });
      await this.boss.schedule(MONTHLY_CLAIMS_QUEUE, '0 2 1 * *', {}, { tz: 'Asia/Shanghai' });
      await this.boss.createQueue(CLAIM_REMINDERS_QUEUE, { name: CLAIM_REMINDERS_QUEUE, policy: 'singleton', retryLimit: 2 });
      await this.boss.schedule(CLAIM_REMINDERS_QUEUE, '0 9 20 * *', {}, { tz: 'Asia/Shanghai' });
    });
    await this.boss.work<{ today?: string }>(MONTHLY_CLAIMS_QUEUE, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => this.draftAll(job.data?.today));
    await this.boss.work<{ today?: string }>(CLAIM_REMINDERS_QUEUE, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => this.remindAll(job.data?.today));
  }

  private facilities(): Promise<{ id: string }[]> {
    return this.dataSource.transaction(async (tx) => {
      await applyTenantScope(tx, { platform: true });
      return tx.query(`SELECT id FROM facility ORDER BY id`);
    });
  }

  /** In one facility's scope, as a request would run (CLS + a transaction with its tenant). */
  private inFacility<T>(facilityId: string, work: () => Promise<T>): Promise<T> {
    return this.cls.run(() => {
      this.cls.set('auditCount', 0);
      return withTenantScope(this.txHost, this.cls, { facilityId }, work);
    });
  }

  async draftAll(today = calendarDate(new Date())): Promise<{ month: string; drafted: number; skipped: number }> {
    const month = previousMonth(today);
    let drafted = 0;
    let skipped = 0;
    for (const { id } of await this.facilities()) {
      for (const programme of await this.inFacility(id, () => this.claims.programmesDue(month))) {
        try {
          await this.inFacility(id, () => this.claims.draft(month, programme));
          drafted++;
        } catch (e) {
          if (!(e instanceof ConflictException)) throw e;
          skipped++; // already submitted: a frozen claim is never redrafted
        }
      }
    }
    this.logger.log({ month, drafted, skipped }, 'monthly claims drafted');
    return { month, drafted, skipped };
  }

  async remindAll(today = calendarDate(new Date())): Promise<{ month: string; reminded: number }> {
    const month = previousMonth(today);
    let reminded = 0;
    for (const { id } of await this.facilities()) {
      reminded += await this.inFacility(id, async () => {
        const due = await this.claims.programmesDue(month);
        const submitted: { programme: string }[] = await this.txHost.tx.query(
          `SELECT programme FROM claim WHERE month = $1 AND state IN ('SUBMITTED', 'APPROVED', 'PAID')`, [month]);
        const missing = due.filter((p) => !submitted.some((s) => s.programme === p));
        if (missing.length === 0) return 0;
        const rows: unknown[] = await this.txHost.tx.query(
          `INSERT INTO compliance_alert (facility_id, day, kind, detail) VALUES ($1, $2, 'CLAIM_NOT_SUBMITTED', $3)
           ON CONFLICT (facility_id, day, kind) DO NOTHING RETURNING id`,
          [id, today, JSON.stringify({
            month, programmes: missing, deadline: `${today.slice(0, 7)}-25`,
            message: `${month} 的${missing.map((p) => PROGRAMME_LABELS[p]).join('、')}申领尚未提交，民政局截止日为本月25日`,
          })],
        );
        return rows.length;
      });
    }
    return { month, reminded };
  }
}
