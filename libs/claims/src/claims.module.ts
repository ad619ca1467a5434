import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { ClaimsController } from './claims.controller';
import { ClaimsService } from './claims.service';
import { PoliciesController, PoliciesService } from './policies.controller';

@Module({ imports: [AuditModule], controllers: [ClaimsController, PoliciesController], providers: [ClaimsService, PoliciesService], exports: [ClaimsService] })
export class ClaimsModule {}
