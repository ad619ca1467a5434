import { Injectable } from '@nestjs/common';
import { AuditService } from '@careops/audit';
import type { Programme } from '@careops/care';
import { RuleViolation } from '@careops/platform';
import type { Policy } from './claim.types';
import { CreatePolicyDto } from './dto/policy.dto';
import { PoliciesRepository } from './policies.repository';

/** Policies are data: a platform admin adds versions; none is ever changed (a trigger refuses it). */
@Injectable()
export class PoliciesService {
  constructor(
    private readonly policies: PoliciesRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Policy[]> {
    return this.policies.list();
  }

  async add(dto: CreatePolicyDto): Promise<Policy> {
    // docs/rules.md §5: the operating subsidy is a yearly amount per center; the others are monthly rates per level.
    if ((dto.programme === 'DAY_CENTER_OPERATION') !== (dto.annualFen !== undefined)) {
      throw dto.programme === 'DAY_CENTER_OPERATION'
        ? new RuleViolation('POLICY_ANNUAL_REQUIRED')
        : new RuleViolation('POLICY_ANNUAL_NOT_ALLOWED', { programme: dto.programme });
    }
    if (dto.claimPeriod === 'YEARLY' && dto.programme !== 'DAY_CENTER_OPERATION') {
      throw new RuleViolation('POLICY_YEARLY_NOT_ALLOWED', { programme: dto.programme });
    }
    // docs/rules.md §5: whole months, next-month eligibility and the elder as beneficiary are per resident.
    if (dto.programme === 'DAY_CENTER_OPERATION') {
      const perResident = { granularity: 'DAY', eligibilityStart: 'SAME_MONTH', beneficiary: 'FACILITY' } as const;
      for (const option of ['granularity', 'eligibilityStart', 'beneficiary'] as const) {
        const value = dto[option];
        if (value !== undefined && value !== perResident[option]) throw new RuleViolation('POLICY_OPTION_NOT_ALLOWED', { option, value });
      }
    }
    const row = await this.policies.insert(dto);
    await this.audit.record({
      action: 'subsidy_policy.create',
      entityType: 'subsidy_policy',
      entityId: row.id,
      facilityId: null,
      after: { ...dto },
    });
    return row;
  }

  /**
   * The version in force on the month's first day for a division: the division's own, else its
   * city's (xxxx00), its province's (xx0000), the national default (000000). Null if none.
   */
  inForce(month: string, programme: Programme, divisionCode: string): Promise<Policy | null> {
    const candidates = [divisionCode, `${divisionCode.slice(0, 4)}00`, `${divisionCode.slice(0, 2)}0000`, '000000'];
    return this.policies.findInForce(programme, candidates, `${month}-01`);
  }

  /** As `inForce`, a month without a policy being NO_POLICY. */
  async require(month: string, programme: Programme, divisionCode: string): Promise<Policy> {
    const policy = await this.inForce(month, programme, divisionCode);
    if (!policy) throw new RuleViolation('NO_POLICY', { programme, month });
    return policy;
  }
}
