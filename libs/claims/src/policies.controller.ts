import { Body, ConflictException, Controller, Get, Injectable, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@careops/audit';
import { DEFAULT_DAY_COUNTING } from '@careops/care';
import { refuseOn, UNIQUE_VIOLATION } from '@careops/db';
import { ANY_ROLE, Roles } from '@careops/platform';
import { CreatePolicyDto } from './dto/policy.dto';

const COLUMNS = `id, programme, division_code::text AS "divisionCode", effective_from::text AS "effectiveFrom", rates,
  annual_fen::int AS "annualFen", min_age AS "minAge", excluded_categories AS "excludedCategories",
  day_counting AS "dayCounting", claim_period AS "claimPeriod"`;

/** Policies are data: a platform admin adds versions; none is ever changed (a trigger refuses it). */
@Injectable()
export class PoliciesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  list() {
    return this.txHost.tx.query(`SELECT ${COLUMNS} FROM subsidy_policy ORDER BY programme, division_code, effective_from`);
  }

  async add(dto: CreatePolicyDto) {
    // docs/rules.md §5: the operating subsidy is a yearly amount per center; the others are monthly rates per level.
    if ((dto.programme === 'DAY_CENTER_OPERATION') !== (dto.annualFen !== undefined)) {
      throw new UnprocessableEntityException(dto.programme === 'DAY_CENTER_OPERATION'
        ? 'a DAY_CENTER_OPERATION policy needs annualFen, the yearly amount per center in fen (运营补贴需填写年度金额)'
        : `annualFen is only for DAY_CENTER_OPERATION; ${dto.programme} pays monthly rates per care level`);
    }
    if (dto.claimPeriod === 'YEARLY' && dto.programme !== 'DAY_CENTER_OPERATION') {
      throw new UnprocessableEntityException(`${dto.programme} is claimed monthly; only DAY_CENTER_OPERATION may be claimed yearly (仅运营补贴可按年申领)`);
    }
    const [row] = await refuseOn(
      this.txHost.tx,
      [UNIQUE_VIOLATION],
      () => this.txHost.tx.query(
        `INSERT INTO subsidy_policy (programme, division_code, effective_from, rates, annual_fen, min_age, excluded_categories, day_counting, claim_period)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
        [dto.programme, dto.divisionCode, dto.effectiveFrom, JSON.stringify(dto.rates), dto.annualFen ?? null, dto.minAge ?? 60, dto.excludedCategories ?? [],
          JSON.stringify(dto.dayCounting ?? DEFAULT_DAY_COUNTING), dto.claimPeriod ?? 'MONTHLY'],
      ),
      () => new ConflictException(`a ${dto.programme} policy for ${dto.divisionCode} from ${dto.effectiveFrom} exists; versions never change (政策版本已存在)`),
    );
    await this.audit.record({ action: 'subsidy_policy.create', entityType: 'subsidy_policy', entityId: row.id, facilityId: null, after: { ...dto } });
    return row;
  }
}

@ApiTags('subsidy policies')
@Controller('subsidy-policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Every version of every subsidy policy' })
  list() {
    return this.policies.list();
  }

  @Post()
  @Roles('PLATFORM_ADMIN')
  @ApiOperation({ summary: 'Add a policy version (rates in fen per care level, eligibility), effective from a date, for a division' })
  add(@Body() dto: CreatePolicyDto) {
    return this.policies.add(dto);
  }
}
