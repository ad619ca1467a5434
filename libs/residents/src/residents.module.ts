import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@careops/audit';
import { Assessment } from './assessment.entity';
import { AssessmentsRepository } from './assessments.repository';
import { CareLevelsRepository } from './care-levels.repository';
import { ID_KEYS, IdKeySettings, IdNumberProtector } from './id-number.protector';
import { Resident } from './resident.entity';
import { ResidentsController } from './residents.controller';
import { ResidentsRepository } from './residents.repository';
import { ResidentsService } from './residents.service';

@Module({})
export class ResidentsModule {
  static forRoot(keys: IdKeySettings): DynamicModule {
    return {
      module: ResidentsModule,
      global: true,
      imports: [TypeOrmModule.forFeature([Resident, Assessment]), AuditModule],
      controllers: [ResidentsController],
      providers: [
        { provide: ID_KEYS, useValue: keys },
        IdNumberProtector,
        ResidentsService,
        ResidentsRepository,
        AssessmentsRepository,
        CareLevelsRepository,
      ],
      exports: [ResidentsService, IdNumberProtector, CareLevelsRepository],
    };
  }
}
