import { Injectable } from '@nestjs/common';
import { TenantDb } from '@careops/db';

/** One entry of a facility's document register (docs/rules.md §8), as the regulator's drill-down lists it. */
export interface IssuedDocument {
  number: string;
  kind: string;
  title: string;
  period: string;
  version: number;
  issuedAt: string;
}

/** The register read through the request's transaction: row-level security shows the facility's own. */
@Injectable()
export class IssuedDocumentsRepository {
  constructor(private readonly db: TenantDb) {}

  /** The facility's documents, the latest first (at most `limit`). */
  async list(facilityId: string, limit: number): Promise<IssuedDocument[]> {
    const rows: { number: string; kind: string; title: string; period: string; version: number; issued_at: Date }[] =
      await this.db.sql.query(
        `SELECT number, kind, title, period, version, issued_at FROM document WHERE facility_id = $1 ORDER BY issued_at DESC, number DESC LIMIT $2`,
        [facilityId, limit],
      );
    return rows.map((r) => ({
      number: r.number,
      kind: r.kind,
      title: r.title,
      period: r.period,
      version: r.version,
      issuedAt: r.issued_at.toISOString(),
    }));
  }
}
