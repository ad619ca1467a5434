import { Injectable } from '@nestjs/common';
import { Between } from 'typeorm';
import { TenantDb } from '@careops/db';
import { AuditEvent } from './audit-event.entity';

export interface AuditRow {
  actorId: string | null;
  actorRole: string | null;
  facilityId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  clientIp: string | null;
  diff: Record<string, unknown>;
}

/** The append-only trail, in the caller's transaction. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: TenantDb) {}

  async insert(row: AuditRow): Promise<void> {
    // Plain INSERT without RETURNING: a row outside the reader's scope (a failed login) may be
    // written but not read back, and RETURNING would need the read policy.
    await this.db.sql.query(
      `INSERT INTO audit_event (actor_id, actor_role, facility_id, action, entity_type, entity_id, request_id, client_ip, diff)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        row.actorId,
        row.actorRole,
        row.facilityId,
        row.action,
        row.entityType,
        row.entityId,
        row.requestId,
        row.clientIp,
        JSON.stringify(row.diff),
      ],
    );
  }

  /** A facility's events in [from, to), newest first, one page of them and the count of all. */
  page(facilityId: string, from: Date, to: Date, skip: number, take: number): Promise<[AuditEvent[], number]> {
    return this.db.sql.getRepository(AuditEvent).findAndCount({
      where: { facilityId, at: Between(from, new Date(to.getTime() - 1)) },
      order: { at: 'DESC', id: 'DESC' },
      skip,
      take,
    });
  }
}
