import { DynamicModule, Module } from '@nestjs/common';
import { DATA_HEALTH_SETTINGS, DataHealthJob, DataHealthJobSettings } from './data-health.job';
import { DataHealthService } from './data-health.service';

@Module({ providers: [DataHealthService], exports: [DataHealthService] })
export class DataHealthModule {
  /** In the worker: also schedule and process the nightly job. */
  static withJob(settings: DataHealthJobSettings): DynamicModule {
    return {
      module: DataHealthModule,
      providers: [DataHealthService, DataHealthJob, { provide: DATA_HEALTH_SETTINGS, useValue: settings }],
      exports: [DataHealthService],
    };
  }
}
