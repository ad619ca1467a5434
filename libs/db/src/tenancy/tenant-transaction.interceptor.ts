import { CallHandler, ExecutionContext, Injectable, InternalServerErrorException, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { Request } from 'express';
import { DIVISION_WRITE_KEY } from '@careops/platform';
import { divisionPrefixOf } from './division-prefix';
import { FacilityWrites } from './facility-writes';
import { RequestContext } from './request-context';
import { withTenantScope } from './facility-data';
import { Principal, TenantScope } from './tenant-scope';

/** Marks handlers that run their own transactions (login, refresh: a refusal must still commit). */
export const OWN_TRANSACTIONS = 'careops:own-transactions';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The tenant scope of a request, from the principal the access guard established. */
export function scopeOf(principal: Principal | undefined, facilityId: string | undefined): TenantScope {
  if (!principal) return {};
  const readOnly = principal.role === 'REGULATOR';
  const userId = principal.userId;
  if (facilityId) return { facilityId, readOnly, userId };
  switch (principal.role) {
    case 'PLATFORM_ADMIN':
      return { platform: true, userId };
    case 'REGULATOR':
      return { divisionPrefix: divisionPrefixOf(principal.divisionCode ?? ''), readOnly, userId };
    default:
      return { facilityId: principal.facilityId, userId };
  }
}

/**
 * Each request runs in one transaction whose first statements set its tenant (docs/architecture.md pattern A).
 * A mutating request must leave exactly one audit row, or it is rolled back as a bug.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
    private readonly reflector: Reflector,
    private readonly writes: FacilityWrites,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    if (this.reflector.getAllAndOverride<boolean>(OWN_TRANSACTIONS, [context.getHandler(), context.getClass()])) {
      return next.handle();
    }
    const req = context.switchToHttp().getRequest<Request>();
    const divisionWrite = this.reflector.getAllAndOverride<boolean>(DIVISION_WRITE_KEY, [context.getHandler(), context.getClass()]);
    const base = scopeOf(this.cls.get('principal'), req.params?.['facilityId']);
    // A regulator's write to its own division (its targets): the only writes a regulator makes (docs/rules.md §1).
    const scope = divisionWrite && !req.params?.['facilityId'] ? { ...base, readOnly: false } : base;
    const committed = async () => {
      const result = await withTenantScope(this.txHost, this.cls, scope, async () => {
        const value = await lastValueFrom(next.handle(), { defaultValue: undefined });
        const audits = this.cls.get('auditCount') ?? 0;
        if (!READS.has(req.method) && audits !== 1) {
          throw new InternalServerErrorException(`${req.method} ${req.route?.path ?? req.path} wrote ${audits} audit rows, not 1`);
        }
        return value;
      });
      if (!READS.has(req.method) && scope.facilityId) this.writes.committed(scope.facilityId);
      return result;
    };
    return from(committed());
  }
}
