import { Injectable } from '@nestjs/common';
import {
  divisionCovers,
  type Indicator,
  INDICATORS,
  isDivisionCode,
  isProvincePrefix,
  isRatioIndicator,
  percentToHundredths,
} from '@careops/care';
import { AuditService } from '@careops/audit';
import { TenantDb } from '@careops/db';
import { assertDivisionVisible, DivisionNotFoundError } from '@careops/metrics';
import { divisionName, InvalidInputError, NotAllowedError } from '@careops/platform';
import type { TargetsDto } from './dto/supervision.dto';
import type { TargetsResponse, TargetValuesResponse } from './dto/supervision.response';
import { type StoredTarget, TargetsRepository } from './targets.repository';

/** A stored target as the API gives it: a count as is, a ratio from hundredths back to a percentage. */
export function targetValue(t: StoredTarget): number {
  return isRatioIndicator(t.indicator) ? t.target / 100 : t.target;
}

/**
 * Targets 重点任务 per division and year (docs/rules.md §11). The regulator of a division sets those
 * of its division or one inside it; last write wins, and the audit trail keeps each earlier value.
 */
@Injectable()
export class TargetsService {
  constructor(
    private readonly targets: TargetsRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async get(code: string, year: number): Promise<TargetsResponse> {
    assertDivisionVisible(this.db.principal(), code);
    return this.view(code, year);
  }

  async set(code: string, year: number, dto: TargetsDto): Promise<TargetsResponse> {
    // A code of no division is 404; a real one outside the regulator's is 403: it may not write there (docs/rules.md §1).
    if (!isDivisionCode(code) || code === '000000' || !isProvincePrefix(code.slice(0, 2)) || divisionName(code) === null) {
      throw new DivisionNotFoundError(code);
    }
    const principal = this.db.principal();
    if (principal.role === 'REGULATOR' && !divisionCovers(principal.divisionCode ?? '', code)) {
      throw new NotAllowedError('DIVISION_TARGETS_NOT_YOURS', { code });
    }
    const given = INDICATORS.filter((i) => dto[i] !== undefined);
    if (given.length === 0) throw new InvalidInputError('TARGETS_EMPTY');
    const set: { indicator: Indicator; target: number }[] = [];
    const removed: Indicator[] = [];
    for (const indicator of given) {
      const value = dto[indicator];
      if (value === null || value === undefined) removed.push(indicator);
      else set.push({ indicator, target: isRatioIndicator(indicator) ? percentToHundredths(value) : value });
    }
    const before = await this.view(code, year);
    if (set.length > 0) await this.targets.upsert(code, year, set);
    if (removed.length > 0) await this.targets.remove(code, year, removed);
    const after = await this.view(code, year);
    await this.audit.record({
      action: 'division.targets.set',
      entityType: 'division_target',
      entityId: `${code}/${year}`,
      facilityId: null,
      before: { ...before.targets },
      after: { ...after.targets },
    });
    return after;
  }

  private async view(code: string, year: number): Promise<TargetsResponse> {
    const stored = await this.targets.ofDivisions([code], year);
    const targets = Object.fromEntries(INDICATORS.map((i) => [i, null])) as unknown as TargetValuesResponse;
    for (const t of stored) targets[t.indicator] = targetValue(t);
    return { divisionCode: code, divisionName: divisionName(code), year, targets };
  }
}
