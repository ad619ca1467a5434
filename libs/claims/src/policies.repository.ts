import { Injectable } from '@nestjs/common';
import { DEFAULT_DAY_COUNTING, type Programme } from '@careops/care';
import { refuseOn, TenantDb, UNIQUE_VIOLATION } from '@careops/db';
import { ConflictError } from '@careops/platform';
import type { Policy } from './claim.types';
import type { CreatePolicyDto } from './dto/policy.dto';

const COLUMNS = `id, programme, division_code::text AS "divisionCode", effective_from::text AS "effectiveFrom", rates,
  annual_fen::int AS "annualFen", min_age AS "minAge", excluded_categories AS "excludedCategories",
  day_counting AS "dayCounting", claim_period AS "claimPeriod", granularity, eligibility_start AS "eligibilityStart", beneficiary`;

/** subsidy_policy: versions are only ever added (a trigger refuses changes). */
@Injectable()
export class PoliciesRepository {
  constructor(private readonly db: TenantDb) {}

  /** Every version, by programme, division and date. */
  list(): Promise<Policy[]> {
    return this.db.sql.query(`SELECT ${COLUMNS} FROM subsidy_policy ORDER BY programme, division_code, effective_from`);
  }

  /** Adds a version; the same programme, division and date twice is POLICY_VERSION_EXISTS. */
  async insert(dto: CreatePolicyDto): Promise<Policy> {
    const [row] = await refuseOn(
      this.db.sql,
      [UNIQUE_VIOLATION],
      () =>
        this.db.sql.query(
          `INSERT INTO subsidy_policy (programme, division_code, effective_from, rates, annual_fen, min_age, excluded_categories, day_counting, claim_period,
           granularity, eligibility_start, beneficiary)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
          [
            dto.programme,
            dto.divisionCode,
            dto.effectiveFrom,
            JSON.stringify(dto.rates),
            dto.annualFen ?? null,
            dto.minAge ?? 60,
            dto.excludedCategories ?? [],
            JSON.stringify(dto.dayCounting ?? DEFAULT_DAY_COUNTING),
            dto.claimPeriod ?? 'MONTHLY',
            dto.granularity ?? 'DAY',
            dto.eligibilityStart ?? 'SAME_MONTH',
            dto.beneficiary ?? 'FACILITY',
          ],
        ),
      () =>
        new ConflictError('POLICY_VERSION_EXISTS', {
          programme: dto.programme,
          divisionCode: dto.divisionCode,
          effectiveFrom: dto.effectiveFrom,
        }),
    );
    return row;
  }

  /**
   * The version of `programme` in force on `day` among `divisionCodes`, the most specific code
   * (fewest trailing zeros) winning, then the latest effective date; null if none.
   */
  async findInForce(programme: Programme, divisionCodes: string[], day: string): Promise<Policy | null> {
    const [policy] = await this.db.sql.query(
      `SELECT ${COLUMNS} FROM subsidy_policy
       WHERE programme = $1 AND division_code = ANY($2) AND effective_from <= $3::date
       ORDER BY length(rtrim(division_code, '0')) DESC, effective_from DESC LIMIT 1`,
      [programme, divisionCodes, day],
    );
    return policy ?? null;
  }
}
