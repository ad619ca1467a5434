import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { DayCareController } from './day-care.controller';
import { DayCareService } from './day-care.service';

@Module({ imports: [AuditModule], controllers: [DayCareController], providers: [DayCareService] })
export class DayCareModule {}
