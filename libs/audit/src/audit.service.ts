import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { TenantDb, type Principal, type RequestContext } from '@careops/db';
import { RuleViolation } from '@careops/platform';
import { AuditEvent } from './audit-event.entity';
import { AuditFilter, AuditRepository } from './audit.repository';
import { auditKindPatterns, type AuditKind } from './audit-kinds';
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

/** Calendar dates are China's (UTC+8, no daylight saving): midnight there as an instant. */
const startOfDay = (date: string) => new Date(`${date}T00:00:00+08:00`);

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
    private readonly repo: AuditRepository,
    private readonly db: TenantDb,
    private readonly cls: ClsService<RequestContext>,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    const principal = this.cls.isActive() ? this.cls.get('principal') : undefined;
    const actor = entry.actor === undefined ? principal : entry.actor;
    const scope = this.cls.isActive() ? this.cls.get('scope') : undefined;
    const diff = auditDiff(entry.before, entry.after);
    await this.repo.insert({
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      facilityId: entry.facilityId !== undefined ? entry.facilityId : (scope?.facilityId ?? null),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      requestId: this.cls.isActive() ? (this.cls.get('requestId') ?? null) : null,
      clientIp: this.cls.isActive() ? (this.cls.get('clientIp') ?? null) : null,
      diff: entry.note ? { ...diff, note: entry.note } : diff,
    });
    if (this.cls.isActive()) this.cls.set('auditCount', (this.cls.get('auditCount') ?? 0) + 1);
  }

  /** The current facility's trail between two calendar days (`to` exclusive), newest first, filtered. */
  listPage(q: AuditQuery): Promise<AuditPage> {
    const from = q.from ? startOfDay(q.from) : new Date(0);
    const to = q.to ? startOfDay(q.to) : new Date(Date.now() + 1000);
    if (from >= to) throw new RuleViolation('AUDIT_RANGE_EMPTY');
    return this.list(
      {
        facilityId: this.db.facilityId(),
        from,
        to,
        actorId: q.actorId,
        entityId: q.entityId,
        actions: q.kind ? auditKindPatterns(q.kind) : undefined,
      },
      q.page,
      q.pageSize,
    );
  }

  /** Everyone who acted in the current facility's trail. */
  actors(): Promise<{ id: string; role: string | null }[]> {
    return this.repo.actors(this.db.facilityId());
  }

  /** A facility's trail in [from, to) (UTC instants), newest first; RLS limits it to the tenant. */
  async list(filter: AuditFilter, page: number, pageSize: number): Promise<AuditPage> {
    const [items, total] = await this.repo.page(filter, (page - 1) * pageSize, pageSize);
    return { items, total, page, pageSize };
  }
}

export interface AuditQuery {
  from?: string;
  to?: string;
  actorId?: string;
  kind?: AuditKind;
  entityId?: string;
  page: number;
  pageSize: number;
}
