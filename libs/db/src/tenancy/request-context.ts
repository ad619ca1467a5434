import type { ClsStore } from 'nestjs-cls';
import type { Principal, TenantScope } from './tenant-scope';

/** What one request carries through nestjs-cls: who, from where, under which id, in which scope. */
export interface RequestContext extends ClsStore {
  requestId?: string;
  clientIp?: string;
  principal?: Principal;
  scope?: TenantScope;
  /** Audit rows written in this request (every mutating request writes exactly one). */
  auditCount?: number;
}
