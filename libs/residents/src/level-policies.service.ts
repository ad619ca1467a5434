import { Injectable } from '@nestjs/common';
import { AuditService } from '@careops/audit';
import { IsoDate, levelMappingProblems, policyDivisions } from '@careops/care';
import { FacilitiesService } from '@careops/facilities';
import { RuleViolation, validationFailed } from '@careops/platform';
import { CreateLevelPolicyDto } from './dto/assessment.dto';
import { LevelPoliciesRepository, LevelPolicy } from './level-policies.repository';

/** docs/rules.md §4a: which care level a grade gives is policy data per division, versioned by date. */
@Injectable()
export class LevelPoliciesService {
  constructor(
    private readonly policies: LevelPoliciesRepository,
    private readonly facilities: FacilitiesService,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<LevelPolicy[]> {
    return this.policies.list();
  }

  async add(dto: CreateLevelPolicyDto): Promise<LevelPolicy> {
    const mapping = { ...dto.mapping };
    const problems = levelMappingProblems(mapping);
    if (problems.length) throw validationFailed(problems);
    const row = await this.policies.insert({ divisionCode: dto.divisionCode, effectiveFrom: dto.effectiveFrom, name: dto.name, mapping });
    await this.audit.record({
      action: 'level_policy.create',
      entityType: 'level_policy',
      entityId: row.id,
      facilityId: null,
      after: { divisionCode: dto.divisionCode, effectiveFrom: dto.effectiveFrom, name: dto.name, mapping },
    });
    return row;
  }

  /** The version in force on `day` for the caller's facility: its county's, city's, province's, else the national one. */
  async forFacilityOn(day: IsoDate): Promise<LevelPolicy> {
    const { divisionCode } = await this.facilities.current();
    const policy = await this.policies.findInForce(policyDivisions(divisionCode), day);
    if (!policy) throw new RuleViolation('NO_LEVEL_POLICY', { day });
    return policy;
  }
}
