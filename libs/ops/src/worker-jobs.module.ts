import { DynamicModule, Module } from '@nestjs/common';
import { ClaimsModule } from '@careops/claims';
import { SupervisionModule } from '@careops/supervision';
import { MonthlyClaimsJob } from './claims-jobs/monthly-claims.job';
import { DATA_HEALTH_SETTINGS, DataHealthJob, DataHealthJobSettings } from './data-health/data-health.job';
import { DataHealthModule } from './data-health/data-health.module';
import { MonthlyReportRemindersJob } from './supervision-jobs/monthly-report-reminders.job';
import { STAFFING_ALERTS_SETTINGS, StaffingAlertsJob } from './staffing-alerts/staffing-alerts.job';

/**
 * Every scheduled job of the worker, in one place: the nightly data-health check, the evening
 * staffing alerts, the claim drafts on the 1st and reminders on the 20th (claims, monthly reports).
 */
@Module({})
export class WorkerJobsModule {
  static forRoot(settings: DataHealthJobSettings): DynamicModule {
    return {
      module: WorkerJobsModule,
      imports: [DataHealthModule, ClaimsModule, SupervisionModule],
      providers: [
        DataHealthJob,
        { provide: DATA_HEALTH_SETTINGS, useValue: settings },
        StaffingAlertsJob,
        // Evening, so the manager sees tomorrow's gap while it can still be covered.
        { provide: STAFFING_ALERTS_SETTINGS, useValue: { cron: settings.rehearsalCron ?? '0 18 * * *', timezone: settings.timezone } },
        MonthlyClaimsJob,
        MonthlyReportRemindersJob,
      ],
    };
  }
}
