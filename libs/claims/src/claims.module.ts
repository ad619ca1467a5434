import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { ClaimsController } from './claims.controller';
import { ClaimsService } from './claims.service';

@Module({ imports: [AuditModule], controllers: [ClaimsController], providers: [ClaimsService], exports: [ClaimsService] })
export class ClaimsModule {}
