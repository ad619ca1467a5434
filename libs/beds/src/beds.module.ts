import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { BedsController } from './beds.controller';
import { BedsRepository } from './beds.repository';
import { BedsService } from './beds.service';
import { BoardCache } from './board-cache';

@Module({ imports: [AuditModule], controllers: [BedsController], providers: [BedsService, BedsRepository, BoardCache], exports: [BedsService] })
export class BedsModule {}
