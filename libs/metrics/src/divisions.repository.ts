import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { type RequestContext, TenantDb } from '@careops/db';

/**
 * What the division summary reads beyond one facility's metrics: switching the request's
 * transaction to each facility of the division in turn, and the last document issued.
 */
@Injectable()
export class DivisionsRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly cls: ClsService<RequestContext>,
  ) {}

  /**
   * Runs `work` in the tenant scope of `facilityId` — only ids row-level security has just shown
   * this caller — then restores the caller's scope, whatever happens.
   */
  async inFacility<T>(facilityId: string, work: () => Promise<T>): Promise<T> {
    const scope = this.cls.get('scope');
    try {
      await this.db.sql.query(`SELECT set_config('app.facility_id', $1, true)`, [facilityId]);
      this.cls.set('scope', { ...scope, facilityId });
      return await work();
    } finally {
      await this.db.sql.query(`SELECT set_config('app.facility_id', $1, true)`, [scope?.facilityId ?? '']);
      this.cls.set('scope', scope);
    }
  }

  /** When the last document (any kind) was issued for the facility in scope: the regulator's "last report". */
  async lastIssuedAt(facilityId: string): Promise<string | null> {
    const [doc]: { at: string | null }[] = await this.db.sql.query(
      `SELECT max(issued_at)::text AS at FROM document WHERE facility_id = $1`,
      [facilityId],
    );
    return doc?.at ?? null;
  }
}
