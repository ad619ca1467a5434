import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@careops/audit';
import { FacilitiesModule } from '@careops/facilities';
import { Assessment } from './assessment.entity';
import { AssessmentsRepository } from './assessments.repository';
import { CareLevelsRepository } from './care-levels.repository';
import { ID_KEYS, IdKeySettings, IdNumberProtector } from './id-number.protector';
import { FacilityLevelPolicyController, LevelPoliciesController } from './level-policies.controller';
import { LevelPoliciesRepository } from './level-policies.repository';
import { LevelPoliciesService } from './level-policies.service';
import { ReassessmentsController } from './reassessments.controller';
import { ReassessmentsRepository } from './reassessments.repository';
import { ReassessmentsService } from './reassessments.service';
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
      imports: [TypeOrmModule.forFeature([Resident, Assessment]), AuditModule, FacilitiesModule],
      controllers: [ResidentsController, LevelPoliciesController, FacilityLevelPolicyController, ReassessmentsController],
      providers: [
        { provide: ID_KEYS, useValue: keys },
        IdNumberProtector,
        ResidentsService,
        ResidentsRepository,
        AssessmentsRepository,
        CareLevelsRepository,
        LevelPoliciesRepository,
        LevelPoliciesService,
        ReassessmentsRepository,
        ReassessmentsService,
      ],
      exports: [ResidentsService, IdNumberProtector, CareLevelsRepository, LevelPoliciesService, ReassessmentsService],
    };
  }
}
