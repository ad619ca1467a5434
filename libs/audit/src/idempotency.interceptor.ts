import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Request } from 'express';
import { ClsService } from 'nestjs-cls';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { RequestContext } from '@careops/db';
import { CodedHttpException } from '@careops/platform';
import { AuditService } from './audit.service';

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
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
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
      throw new CodedHttpException(400, 'VALIDATION_FAILED', 'Idempotency-Key must be 1–255 visible ASCII characters (幂等键格式不正确)');
    }
    return from(this.once(key, req, principal.userId, scope.facilityId ?? null, next));
  }

  private async once(key: string, req: Request, userId: string, facilityId: string | null, next: CallHandler): Promise<unknown> {
    const route = `POST ${req.route?.path ?? req.path}`;
    const digest = createHash('sha256').update(JSON.stringify({ route, params: req.params, query: req.query, body: req.body ?? null })).digest();
    const sql = this.txHost.tx;
    await sql.query(
      `INSERT INTO idempotent_request (user_id, key, facility_id, route, request_hash) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [userId, key, facilityId, route, digest],
    );
    const [row]: { request_hash: Buffer; completed: boolean; response: unknown }[] = await sql.query(
      `SELECT request_hash, completed, response FROM idempotent_request WHERE user_id = $1 AND key = $2 FOR UPDATE`, [userId, key]);
    if (Buffer.compare(row.request_hash, digest) !== 0) {
      throw new CodedHttpException(422, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request (幂等键已用于其他请求)');
    }
    if (row.completed) {
      const id = (row.response as { id?: unknown } | null)?.id;
      await this.audit.record({ action: 'request.replay', entityType: 'idempotent_request', entityId: typeof id === 'string' ? id : null, note: { idempotencyKey: key, route } });
      return row.response;
    }
    const value = await lastValueFrom(next.handle(), { defaultValue: undefined });
    // A file cannot be kept as JSON: such an answer is not replayed, the key is released.
    if (value instanceof StreamableFile || Buffer.isBuffer(value)) {
      await sql.query(`DELETE FROM idempotent_request WHERE user_id = $1 AND key = $2`, [userId, key]);
      return value;
    }
    await sql.query(`UPDATE idempotent_request SET completed = true, response = $3 WHERE user_id = $1 AND key = $2`,
      [userId, key, JSON.stringify(value ?? null)]);
    return value;
  }
}
