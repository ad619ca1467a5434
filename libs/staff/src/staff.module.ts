import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

@Module({ imports: [AuditModule], controllers: [StaffController], providers: [StaffService], exports: [StaffService] })
export class StaffModule {}
