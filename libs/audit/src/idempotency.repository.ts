import { Injectable } from '@nestjs/common';
import { TenantDb } from '@careops/db';

export interface IdempotentRequest {
  requestHash: Buffer;
  completed: boolean;
  response: unknown;
}

/** The caller's idempotency keys (row-level security: its own only), in the request's transaction. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly db: TenantDb) {}

  /** Claims the key if it is new, then locks it: a concurrent request with it waits here. */
  async claimAndLock(userId: string, key: string, facilityId: string | null, route: string, digest: Buffer): Promise<IdempotentRequest> {
    await this.db.sql.query(
      `INSERT INTO idempotent_request (user_id, key, facility_id, route, request_hash) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [userId, key, facilityId, route, digest],
    );
    const [row]: { request_hash: Buffer; completed: boolean; response: unknown }[] = await this.db.sql.query(
      `SELECT request_hash, completed, response FROM idempotent_request WHERE user_id = $1 AND key = $2 FOR UPDATE`,
      [userId, key],
    );
    return { requestHash: row.request_hash, completed: row.completed, response: row.response };
  }

  async release(userId: string, key: string): Promise<void> {
    await this.db.sql.query(`DELETE FROM idempotent_request WHERE user_id = $1 AND key = $2`, [userId, key]);
  }

  async complete(userId: string, key: string, response: unknown): Promise<void> {
    await this.db.sql.query(`UPDATE idempotent_request SET completed = true, response = $3 WHERE user_id = $1 AND key = $2`, [
      userId,
      key,
      JSON.stringify(response ?? null),
    ]);
  }
}
