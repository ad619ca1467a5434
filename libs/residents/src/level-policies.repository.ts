import { Injectable } from '@nestjs/common';
import type { GradeLevelMapping, IsoDate } from '@careops/care';
import { refuseOn, TenantDb, UNIQUE_VIOLATION } from '@careops/db';
import { ConflictError } from '@careops/platform';

export interface LevelPolicy {
  id: string;
  divisionCode: string;
  effectiveFrom: IsoDate;
  name: string;
  mapping: GradeLevelMapping;
  createdAt: Date;
}

const COLUMNS = `id, division_code::text AS "divisionCode", effective_from::text AS "effectiveFrom", name, mapping, created_at AS "createdAt"`;

/** level_policy: grade → care level per division, versions only ever added (docs/rules.md §4a). */
@Injectable()
export class LevelPoliciesRepository {
  constructor(private readonly db: TenantDb) {}

  list(): Promise<LevelPolicy[]> {
    return this.db.sql.query(`SELECT ${COLUMNS} FROM level_policy ORDER BY division_code, effective_from`);
  }

  /** Adds a version; the same division and date twice is LEVEL_POLICY_VERSION_EXISTS. */
  async insert(p: Pick<LevelPolicy, 'divisionCode' | 'effectiveFrom' | 'name' | 'mapping'>): Promise<LevelPolicy> {
    const [row] = await refuseOn(
      this.db.sql,
      [UNIQUE_VIOLATION],
      () =>
        this.db.sql.query(
          `INSERT INTO level_policy (division_code, effective_from, name, mapping) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
          [p.divisionCode, p.effectiveFrom, p.name, JSON.stringify(p.mapping)],
        ),
      () => new ConflictError('LEVEL_POLICY_VERSION_EXISTS', { divisionCode: p.divisionCode, effectiveFrom: p.effectiveFrom }),
    );
    return row;
  }

  /** The version in force on `day` among `divisionCodes`: the most specific code, then the latest date; null if none. */
  async findInForce(divisionCodes: string[], day: IsoDate): Promise<LevelPolicy | null> {
    const [row] = await this.db.sql.query(
      `SELECT ${COLUMNS} FROM level_policy WHERE division_code = ANY($1) AND effective_from <= $2::date
       ORDER BY length(rtrim(division_code, '0')) DESC, effective_from DESC LIMIT 1`,
      [divisionCodes, day],
    );
    return row ?? null;
  }
}
