import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { BedsController } from './beds.controller';
import { BedsService } from './beds.service';
import { BoardCache } from './board-cache';

@Module({ imports: [AuditModule], controllers: [BedsController], providers: [BedsService, BoardCache], exports: [BedsService] })
export class BedsModule {}
