import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { BedsController } from './beds.controller';
import { BedsService } from './beds.service';

@Module({ imports: [AuditModule], controllers: [BedsController], providers: [BedsService], exports: [BedsService] })
export class BedsModule {}
