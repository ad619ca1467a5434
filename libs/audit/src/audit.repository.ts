import { Injectable } from '@nestjs/common';
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

  /** Everyone who acted in a facility's trail, with the role they acted in last. */
  actors(facilityId: string): Promise<{ id: string; role: string | null }[]> {
    return this.db.sql.query(
      `SELECT DISTINCT ON (actor_id) actor_id AS id, actor_role AS role
         FROM audit_event WHERE facility_id = $1 AND actor_id IS NOT NULL
        ORDER BY actor_id, at DESC`,
      [facilityId],
    );
  }

  /**
   * A facility's events in [from, to), newest first, narrowed by who acted, the kind of action
   * (LIKE patterns, or all but them) and the record; one page of them and the count of all.
   */
  async page(filter: AuditFilter, skip: number, take: number): Promise<[AuditEvent[], number]> {
    const params: unknown[] = [filter.facilityId, filter.from, filter.to];
    const where = ['facility_id = $1', 'at >= $2', 'at < $3'];
    if (filter.actorId) where.push(`actor_id = $${params.push(filter.actorId)}`);
    if (filter.entityId) where.push(`entity_id = $${params.push(filter.entityId)}`);
    if (filter.actions) {
      const test = `action LIKE ANY($${params.push(filter.actions.patterns)}::text[])`;
      where.push(filter.actions.negate ? `NOT (${test})` : test);
    }
    const rows: (AuditEventRow & { total: string })[] = await this.db.sql.query(
      `SELECT id::text, at, actor_id, actor_role, facility_id, action, entity_type, entity_id, request_id, client_ip::text, diff,
              count(*) OVER () AS total
         FROM audit_event
        WHERE ${where.join(' AND ')}
        ORDER BY at DESC, id DESC
        OFFSET $${params.push(skip)} LIMIT $${params.push(take)}`,
      params,
    );
    if (rows.length === 0 && skip > 0) {
      const [{ total }]: { total: string }[] = await this.db.sql.query(
        `SELECT count(*) AS total FROM audit_event WHERE ${where.join(' AND ')}`,
        params.slice(0, -2),
      );
      return [[], Number(total)];
    }
    return [rows.map(toEvent), rows.length > 0 ? Number(rows[0].total) : 0];
  }
}

export interface AuditFilter {
  facilityId: string;
  from: Date;
  to: Date;
  actorId?: string;
  entityId?: string;
  actions?: { patterns: string[]; negate: boolean };
}

interface AuditEventRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  facility_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  request_id: string | null;
  client_ip: string | null;
  diff: Record<string, unknown>;
}

const toEvent = (r: AuditEventRow): AuditEvent => ({
  id: r.id,
  at: r.at,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  facilityId: r.facility_id,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  requestId: r.request_id,
  clientIp: r.client_ip,
  diff: r.diff,
});
