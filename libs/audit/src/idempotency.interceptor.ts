import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import type { Request } from 'express';
import { ClsService } from 'nestjs-cls';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { RequestContext } from '@careops/db';
import { InvalidInputError, RuleViolation } from '@careops/platform';
import { AuditService } from './audit.service';
import { IdempotencyRepository } from './idempotency.repository';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` on every POST (Stripe's rules): the first answer is kept with the
 * request's digest; the same key and request get it again, the same key with another request 422.
 * It runs inside the request's transaction (after TenantTransactionInterceptor), so the key, the
 * write and the kept answer commit together or not at all, and a concurrent request with the same
 * key waits on the key's row, then replays. Keys are the caller's own (row-level security).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly cls: ClsService<RequestContext>,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const key = req.headers[IDEMPOTENCY_HEADER];
    if (req.method !== 'POST' || key === undefined) return next.handle();
    const principal = this.cls.get('principal');
    const scope = this.cls.get('scope');
    // No request transaction (sign-in, report jobs: they run their own), or a regulator's read-only
    // one: there is nowhere to keep the answer with the write.
    if (!principal || !scope || scope.readOnly) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new InvalidInputError('IDEMPOTENCY_KEY_INVALID');
    }
    return from(this.once(key, req, principal.userId, scope.facilityId ?? null, next));
  }

  private async once(key: string, req: Request, userId: string, facilityId: string | null, next: CallHandler): Promise<unknown> {
    const route = `POST ${req.route?.path ?? req.path}`;
    const digest = createHash('sha256')
      .update(JSON.stringify({ route, params: req.params, query: req.query, body: req.body ?? null }))
      .digest();
    const row = await this.keys.claimAndLock(userId, key, facilityId, route, digest);
    if (Buffer.compare(row.requestHash, digest) !== 0) throw new RuleViolation('IDEMPOTENCY_KEY_REUSED');
    if (row.completed) {
      const id = (row.response as { id?: unknown } | null)?.id;
      await this.audit.record({
        action: 'request.replay',
        entityType: 'idempotent_request',
        entityId: typeof id === 'string' ? id : null,
        note: { idempotencyKey: key, route },
      });
      return row.response;
    }
    const value = await lastValueFrom(next.handle(), { defaultValue: undefined });
    // A file cannot be kept as JSON: such an answer is not replayed, the key is released.
    if (value instanceof StreamableFile || Buffer.isBuffer(value)) {
      await this.keys.release(userId, key);
      return value;
    }
    await this.keys.complete(userId, key, value);
    return value;
  }
}
