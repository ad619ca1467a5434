import { Injectable } from '@nestjs/common';
import type { CareLevel, IsoDate, LevelAssessment } from '@careops/care';
import { TenantDb } from '@careops/db';

/** Who a resident is, as other features print and count them (claims, documents, staffing). */
export interface ResidentProfile {
  id: string;
  name: string;
  dateOfBirth: IsoDate;
  categories: string[];
  idMasked: string;
}

/**
 * What other features read of residents: profiles and care levels. docs/rules.md §4: the level on a
 * day is that of the latest assessment effective on or before it — in SQL `careops_care_level_on`,
 * in TypeScript `levelSegments` over `historiesBefore`.
 */
@Injectable()
export class CareLevelsRepository {
  constructor(private readonly db: TenantDb) {}

  /** The level in force on `day` of each resident assessed by then (of `residentIds`, or all). */
  async levelsOn(day: IsoDate, residentIds?: string[]): Promise<Map<string, CareLevel>> {
    const rows: { id: string; level: CareLevel | null }[] = await this.db.sql.query(
      `SELECT r.id, careops_care_level_on(r.id, $1::date) AS level FROM resident r WHERE $2::uuid[] IS NULL OR r.id = ANY($2::uuid[])`,
      [day, residentIds ?? null],
    );
    return new Map(rows.filter((r) => r.level !== null).map((r) => [r.id, r.level as CareLevel]));
  }

  /** Each resident's assessments effective before `before` (what `levelSegments` needs), by resident. */
  async historiesBefore(residentIds: string[], before: IsoDate): Promise<Map<string, LevelAssessment[]>> {
    const rows: { resident_id: string; effective_on: string; care_level: CareLevel; seq: string }[] = await this.db.sql.query(
      `SELECT resident_id, effective_on::text AS effective_on, care_level, seq FROM assessment
       WHERE effective_on < $1::date AND resident_id = ANY($2::uuid[]) ORDER BY resident_id, effective_on, seq`,
      [before, residentIds],
    );
    const histories = new Map<string, LevelAssessment[]>(residentIds.map((id) => [id, []]));
    for (const a of rows)
      histories.get(a.resident_id)?.push({ effectiveOn: a.effective_on, careLevel: a.care_level, recordedSeq: Number(a.seq) });
    return histories;
  }

  /** Profiles of the given residents, by name then id. */
  async profiles(residentIds: string[]): Promise<ResidentProfile[]> {
    const rows: { id: string; name: string; date_of_birth: string; categories: string[]; id_masked: string }[] = await this.db.sql.query(
      `SELECT id, name, date_of_birth::text AS date_of_birth, categories, id_masked FROM resident WHERE id = ANY($1::uuid[]) ORDER BY name, id`,
      [residentIds],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, dateOfBirth: r.date_of_birth, categories: r.categories, idMasked: r.id_masked }));
  }
}
