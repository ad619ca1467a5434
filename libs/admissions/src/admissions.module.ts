import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { AdmissionsController } from './admissions.controller';
import { AdmissionsService } from './admissions.service';

/** Needs ResidentsModule (global) for residents and assessments. */
@Module({ imports: [AuditModule], controllers: [AdmissionsController], providers: [AdmissionsService], exports: [AdmissionsService] })
export class AdmissionsModule {}
