import { Injectable } from '@nestjs/common';
import { TenantDb } from '@careops/db';

/** A bed as a stay locks it: its code names it in messages. */
export interface LockedBed {
  id: string;
  code: string;
}

/** An out-of-service period [from, to) of a bed (to null: until further notice). */
export interface BedOutage {
  from: string;
  to: string | null;
  reason: string;
}

/**
 * What admissions read of beds (docs/rules.md §3: an out-of-service bed takes no one). The lock is
 * the one a change of the bed takes too, so an admission and an outage of one bed never pass each other.
 */
@Injectable()
export class BedAvailabilityRepository {
  constructor(private readonly db: TenantDb) {}

  /** Locks the bed until the transaction ends; undefined when there is no such bed in the facility. */
  async lock(bedId: string): Promise<LockedBed | undefined> {
    const [bed]: LockedBed[] = await this.db.sql.query(`SELECT id, code FROM bed WHERE id = $1 FOR UPDATE`, [bedId]);
    return bed;
  }

  /** The bed's first out-of-service period overlapping [from, to), if any. */
  async firstOutage(bedId: string, from: string, to: string | null): Promise<BedOutage | undefined> {
    const [outage]: BedOutage[] = await this.db.sql.query(
      `SELECT lower(period)::text AS "from", upper(period)::text AS "to", reason FROM bed_outage
       WHERE bed_id = $1 AND period && daterange($2, $3) ORDER BY lower(period) LIMIT 1`,
      [bedId, from, to],
    );
    return outage;
  }
}
