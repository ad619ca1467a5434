import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { AdmissionsController } from './admissions.controller';
import { AdmissionsService } from './admissions.service';
import { HomeCareBedsController, HomeCareBedsService } from './home-care-beds';
import { StaysRepository } from './stays.repository';

/** Needs ResidentsModule (global) for residents and assessments. */
@Module({ imports: [AuditModule], controllers: [AdmissionsController, HomeCareBedsController], providers: [AdmissionsService, HomeCareBedsService, StaysRepository], exports: [AdmissionsService, HomeCareBedsService, StaysRepository] })
export class AdmissionsModule {}
