import { ExecutionContext, Injectable, InternalServerErrorException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Request } from 'express';
import { ClsService } from 'nestjs-cls';
import { divisionCovers, type Role } from '@careops/care';
import type { Principal, RequestContext } from '@careops/db';
import {
  DIVISION_WRITE_KEY,
  NotAllowedError,
  NotFoundError,
  OWN_SESSION_KEY,
  READ_REQUEST_KEY,
  PUBLIC_KEY,
  ROLES_KEY,
} from '@careops/platform';
import { AuthRepository } from './auth.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const READS = new Set(['GET', 'HEAD']);
/** Never confirm another tenant's facility exists (docs/api.md): the same 404 as a missing one. */
const facilityNotFound = () => new NotFoundError('FACILITY_NOT_FOUND');

/**
 * The one guard (global): a token unless the route is @Public; the facility of a facility-scoped
 * route must be the caller's (else 404); then the role must be one the route declares (else 403);
 * regulators only read. A route that declares nothing is refused: unguarded routes are bugs.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly cls: ClsService<RequestContext>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly repo: AuthRepository,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) {
      throw new InternalServerErrorException(`${context.getClass().name}.${context.getHandler().name} declares no roles`);
    }

    await super.canActivate(context);
    const req = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const principal = req.user;
    if (!principal) throw new UnauthorizedException();
    this.cls.set('principal', principal);

    const facilityId = req.params?.['facilityId'];
    if (facilityId !== undefined) await this.checkFacility(principal, facilityId);
    if (!roles.includes(principal.role)) throw new NotAllowedError('FORBIDDEN', { role: principal.role });
    const ownSession = this.reflector.getAllAndOverride<boolean>(OWN_SESSION_KEY, targets);
    const readRequest = this.reflector.getAllAndOverride<boolean>(READ_REQUEST_KEY, targets);
    const divisionWrite = this.reflector.getAllAndOverride<boolean>(DIVISION_WRITE_KEY, targets);
    if (principal.role === 'REGULATOR' && !READS.has(req.method) && !ownSession && !readRequest && !divisionWrite) {
      throw new NotAllowedError('READ_ONLY_ROLE');
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    // A token that fails verification arrives as no user; an error is the check itself failing (the
    // database down): the filter answers it (503), rather than signing everyone out with a 401.
    if (err) throw err;
    if (!user) throw new UnauthorizedException('A valid access token is required (请先登录)');
    return user;
  }

  private async checkFacility(principal: Principal, facilityId: string): Promise<void> {
    if (!UUID.test(facilityId)) throw facilityNotFound();
    if (principal.role === 'FACILITY_MANAGER' || principal.role === 'ACCOUNTANT') {
      if (principal.facilityId !== facilityId) throw facilityNotFound();
      return;
    }
    const division = await this.txHost.withTransaction(() => this.repo.facilityDivision(facilityId));
    if (!division) throw facilityNotFound();
    if (principal.role === 'REGULATOR' && !divisionCovers(principal.divisionCode ?? '', division)) {
      throw facilityNotFound();
    }
  }
}
