import { BadRequestException, Injectable } from '@nestjs/common';
import { FACILITY_ROLES, isProvincePrefix } from '@careops/care';
import { AuditService } from '@careops/audit';
import { UNIQUE_VIOLATION, type Principal } from '@careops/db';
import { FacilitiesService } from '@careops/facilities';
import { ConflictError, NotFoundError, RuleViolation } from '@careops/platform';
import { ActiveUsers } from './active-users';
import { AuthRepository } from './auth.repository';
import { CreateUserDto } from './dto/create-user.dto';
import { hashPassword, passwordProblems } from './password';
import { PublicUser, toPublicUser, User } from './user.entity';

export class UserNotFoundError extends NotFoundError {
  constructor() {
    super('USER_NOT_FOUND');
  }
}

export class UsernameTakenError extends ConflictError {
  constructor(p: { username: string }) {
    super('USERNAME_TAKEN', p);
  }
}

@Injectable()
export class UsersService {
  constructor(
    private readonly repo: AuthRepository,
    private readonly audit: AuditService,
    private readonly activeUsers: ActiveUsers,
    private readonly facilities: FacilitiesService,
  ) {}

  /** The users the caller may manage: all for the platform, a facility's own for its manager (RLS). */
  async list(): Promise<PublicUser[]> {
    const users = await this.repo.listUsers();
    return users.map(toPublicUser);
  }

  private async locked(id: string): Promise<User> {
    const user = await this.repo.lockUser(id);
    if (!user) throw new UserNotFoundError();
    return user;
  }

  private async reread(id: string): Promise<PublicUser> {
    const user = await this.repo.findUser(id);
    if (!user) throw new UserNotFoundError();
    return toPublicUser(user);
  }

  /**
   * Ends an account: refresh tokens revoked, access tokens refused from the next request
   * on (ActiveUsers). Its records stay; nothing is deleted.
   */
  async deactivate(id: string, reason: string, actor: Principal): Promise<PublicUser> {
    const user = await this.locked(id);
    if (user.id === actor.userId) throw new RuleViolation('CANNOT_DEACTIVATE_SELF');
    if (user.disabledAt) throw new ConflictError('USER_ALREADY_DEACTIVATED', { username: user.username });
    const before = toPublicUser(user);
    await this.repo.disableUser(user.id, actor.userId, reason);
    const revoked = await this.repo.revokeUserTokens(user.id);
    const after = await this.reread(id);
    await this.audit.record({
      action: 'user.deactivate',
      entityType: 'user',
      entityId: user.id,
      facilityId: user.facilityId,
      before: { ...before },
      after: { ...after },
      note: { reason, refreshTokensRevoked: revoked },
    });
    this.activeUsers.forget(user.id);
    return after;
  }

  /** Reopens a deactivated account; the user signs in again (old sessions stay ended). */
  async reactivate(id: string): Promise<PublicUser> {
    const user = await this.locked(id);
    if (!user.disabledAt) throw new ConflictError('USER_ACTIVE', { username: user.username });
    const before = toPublicUser(user);
    await this.repo.enableUser(user.id);
    const after = await this.reread(id);
    await this.audit.record({
      action: 'user.reactivate',
      entityType: 'user',
      entityId: user.id,
      facilityId: user.facilityId,
      before: { ...before },
      after: { ...after },
    });
    this.activeUsers.forget(user.id);
    return after;
  }

  /** Platform admin: a facility user (bound to a facility) or a regulator (bound to a division). */
  async create(dto: CreateUserDto): Promise<PublicUser> {
    const problems = passwordProblems(dto.password, dto.username);
    const facilityRole = FACILITY_ROLES.includes(dto.role);
    if (facilityRole && !dto.facilityId) problems.push(`facilityId is required for role ${dto.role}`);
    if (!facilityRole && dto.facilityId) problems.push(`facilityId is only for FACILITY_MANAGER and ACCOUNTANT`);
    if (dto.role === 'REGULATOR' && !dto.divisionCode) problems.push('divisionCode is required for role REGULATOR');
    if (dto.role !== 'REGULATOR' && dto.divisionCode) problems.push('divisionCode is only for REGULATOR');
    // Field validation, answered like the validation pipe's (VALIDATION_FAILED, one message per problem).
    if (problems.length > 0) throw new BadRequestException(problems);
    if (dto.divisionCode && !isProvincePrefix(dto.divisionCode.slice(0, 2))) {
      throw new RuleViolation('DIVISION_UNKNOWN', { code: dto.divisionCode });
    }
    if (dto.facilityId) await this.facilityMustExist(dto.facilityId);
    let user: User;
    try {
      user = await this.repo.insertUser({
        username: dto.username,
        passwordHash: await hashPassword(dto.password),
        role: dto.role,
        facilityId: dto.facilityId ?? null,
        divisionCode: dto.divisionCode ?? null,
        displayName: dto.displayName ?? null,
      });
    } catch (e) {
      if ((e as { code?: string }).code === UNIQUE_VIOLATION) throw new UsernameTakenError({ username: dto.username });
      throw e;
    }
    const created = toPublicUser(user);
    await this.audit.record({
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      facilityId: user.facilityId,
      after: { ...created, passwordHash: user.passwordHash },
    });
    return created;
  }

  private async facilityMustExist(facilityId: string): Promise<void> {
    try {
      await this.facilities.get(facilityId);
    } catch (e) {
      if (e instanceof NotFoundError) throw new RuleViolation('USER_FACILITY_UNKNOWN', { facilityId });
      throw e;
    }
  }
}
