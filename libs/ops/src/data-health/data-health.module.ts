import { Module } from '@nestjs/common';
import { DataHealthService } from './data-health.service';

@Module({ providers: [DataHealthService], exports: [DataHealthService] })
export class DataHealthModule {}
