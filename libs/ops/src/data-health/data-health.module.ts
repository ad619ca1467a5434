import { Module } from '@nestjs/common';
import { DataHealthRepository } from './data-health.repository';
import { DataHealthService } from './data-health.service';

@Module({ providers: [DataHealthService, DataHealthRepository], exports: [DataHealthService] })
export class DataHealthModule {}
