import { DynamicModule, Module } from '@nestjs/common';
import { DATA_HEALTH_SETTINGS, DataHealthJob, DataHealthJobSettings } from './data-health.job';
import { DataHealthService } from './data-health.service';
import { ClaimsModule } from '@careops/claims';
import { MonthlyClaimsJob } from '../claims-jobs/monthly-claims.job';
import { STAFFING_ALERTS_SETTINGS, StaffingAlertsJob } from '../staffing-alerts/staffing-alerts.job';

@Module({ providers: [DataHealthService], exports: [DataHealthService] })
export class DataHealthModule {
  /** In the worker: also schedule and process the nightly job. */
  static withJob(settings: DataHealthJobSettings): DynamicModule {
    return {
      module: DataHealthModule,
      imports: [ClaimsModule],
      providers: [
        DataHealthService,
        DataHealthJob,
        { provide: DATA_HEALTH_SETTINGS, useValue: settings },
        StaffingAlertsJob,
        MonthlyClaimsJob,
        // Evening, so the manager sees tomorrow's gap while it can still be covered.
        { provide: STAFFING_ALERTS_SETTINGS, useValue: { cron: '0 18 * * *', timezone: settings.timezone } },
      ],
      exports: [DataHealthService],
    };
  }
}
