import { Module } from '@nestjs/common';
import { DivisionsService } from './divisions.service';
import { DivisionsController, MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Module({ controllers: [MetricsController, DivisionsController], providers: [MetricsService, DivisionsService], exports: [MetricsService, DivisionsService] })
export class MetricsModule {}
