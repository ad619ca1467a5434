import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { BedAvailabilityRepository } from './bed-availability.repository';
import { BedsController } from './beds.controller';
import { BedsRepository } from './beds.repository';
import { BedsService } from './beds.service';
import { BoardCache } from './board-cache';

/** Exports what admissions read of beds: a bed locked for a stay, its out-of-service periods. */
@Module({
  imports: [AuditModule],
  controllers: [BedsController],
  providers: [BedsService, BedsRepository, BedAvailabilityRepository, BoardCache],
  exports: [BedsService, BedAvailabilityRepository],
})
export class BedsModule {}
