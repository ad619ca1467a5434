import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

/** Imports from spreadsheets; the ID-number protector comes from the (global) residents module. */
@Module({
  imports: [AuditModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportsRepository],
})
export class ImportsModule {}
