import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { Between } from 'typeorm';
import type { Principal, RequestContext } from '@careops/db';
import { AuditEvent } from './audit-event.entity';
import { auditDiff, Plain } from './redact';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Defaults to the request's tenant. */
  facilityId?: string | null;
  before?: Plain | null;
  after?: Plain | null;
  /** For events without an authenticated caller (login, the admin CLI). */
  actor?: Pick<Principal, 'userId' | 'role'> | null;
  /** Extra facts that are not a before/after (e.g. the username of a failed login). */
  note?: Plain;
}

export interface AuditPage {
  items: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
}

/** Writes the trail in the caller's transaction: the change and its audit row commit together. */
@Injectable()
export class AuditService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    const principal = this.cls.isActive() ? this.cls.get('principal') : undefined;
    const actor = entry.actor === undefined ? principal : entry.actor;
    const scope = this.cls.isActive() ? this.cls.get('scope') : undefined;
    const diff = auditDiff(entry.before, entry.after);
    // Plain INSERT without RETURNING: a row outside the reader's scope (a failed login) may be
    // written but not read back, and RETURNING would need the read policy.
    await this.txHost.tx.query(
      `INSERT INTO audit_event (actor_id, actor_role, facility_id, action, entity_type, entity_id, request_id, client_ip, diff)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        actor?.userId ?? null,
        actor?.role ?? null,
        entry.facilityId !== undefined ? entry.facilityId : scope?.facilityId ?? null,
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        this.cls.isActive() ? this.cls.get('requestId') ?? null : null,
        this.cls.isActive() ? this.cls.get('clientIp') ?? null : null,
        JSON.stringify(entry.note ? { ...diff, note: entry.note } : diff),
      ],
    );
    if (this.cls.isActive()) this.cls.set('auditCount', (this.cls.get('auditCount') ?? 0) + 1);
  }

  /** A facility's trail in [from, to) (UTC instants), newest first; RLS limits it to the tenant. */
  async list(facilityId: string, from: Date, to: Date, page: number, pageSize: number): Promise<AuditPage> {
    const [items, total] = await this.txHost.tx.getRepository(AuditEvent).findAndCount({
      where: { facilityId, at: Between(from, new Date(to.getTime() - 1)) },
      order: { at: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total, page, pageSize };
  }
}
