import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { FACILITY_ROLES, isProvincePrefix } from '@careops/care';
import { AuditService } from '@careops/audit';
import { UNIQUE_VIOLATION, type Principal } from '@careops/db';
import { CodedHttpException } from '@careops/platform';
import { ActiveUsers } from './active-users';
import { CreateUserDto } from './dto/create-user.dto';
import { hashPassword, passwordProblems } from './password';
import { PublicUser, toPublicUser, User } from './user.entity';


@Injectable()
export class UsersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly activeUsers: ActiveUsers,
  ) {}

  /** The users the caller may manage: all for the platform, a facility's own for its manager (RLS). */
  async list(): Promise<PublicUser[]> {
    const users = await this.txHost.tx.getRepository(User).find({ order: { username: 'ASC' } });
    return users.map(toPublicUser);
  }

  /**
   * Ends an account: refresh tokens revoked, access tokens refused from the next request
   * on (ActiveUsers). Its records stay; nothing is deleted.
   */
  async deactivate(id: string, reason: string, actor: Principal): Promise<PublicUser> {
    const repo = this.txHost.tx.getRepository(User);
    const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new NotFoundException('user not found (用户不存在)');
    if (user.id === actor.userId) throw new CodedHttpException(422, 'CANNOT_DEACTIVATE_SELF', 'you cannot deactivate your own account (不能停用自己的账号)');
    if (user.disabledAt) throw new CodedHttpException(409, 'USER_ALREADY_DEACTIVATED', `user ${user.username} is already deactivated (该账号已停用)`);
    const before = toPublicUser(user);
    await repo.update(user.id, { disabledAt: () => 'now()', sessionsValidAfter: () => 'clock_timestamp()', disabledBy: actor.userId, disabledReason: reason });
    const revoked: { id: string }[] = await this.txHost.tx.query(
      `UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`, [user.id]);
    const after = toPublicUser((await repo.findOneByOrFail({ id })));
    await this.audit.record({
      action: 'user.deactivate', entityType: 'user', entityId: user.id, facilityId: user.facilityId,
      before: { ...before }, after: { ...after }, note: { reason, refreshTokensRevoked: revoked.length },
    });
    this.activeUsers.forget(user.id);
    return after;
  }

  /** Reopens a deactivated account; the user signs in again (old sessions stay ended). */
  async reactivate(id: string): Promise<PublicUser> {
    const repo = this.txHost.tx.getRepository(User);
    const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new NotFoundException('user not found (用户不存在)');
    if (!user.disabledAt) throw new CodedHttpException(409, 'USER_ACTIVE', `user ${user.username} is active (该账号未停用)`);
    const before = toPublicUser(user);
    await repo.update(user.id, { disabledAt: null, disabledBy: null, disabledReason: null });
    const after = toPublicUser((await repo.findOneByOrFail({ id })));
    await this.audit.record({ action: 'user.reactivate', entityType: 'user', entityId: user.id, facilityId: user.facilityId, before: { ...before }, after: { ...after } });
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
    if (problems.length > 0) throw new BadRequestException(problems);
    if (dto.divisionCode && !isProvincePrefix(dto.divisionCode.slice(0, 2))) {
      throw new UnprocessableEntityException(`divisionCode ${dto.divisionCode} is in no province (行政区划代码不存在)`);
    }
    if (dto.facilityId) {
      const [exists] = await this.txHost.tx.query(`SELECT 1 FROM facility WHERE id = $1`, [dto.facilityId]);
      if (!exists) throw new UnprocessableEntityException(`facilityId ${dto.facilityId}: no such facility (机构不存在)`);
    }
    const repo = this.txHost.tx.getRepository(User);
    let user: User;
    try {
      user = await repo.save(
        repo.create({
          username: dto.username,
          passwordHash: await hashPassword(dto.password),
          role: dto.role,
          facilityId: dto.facilityId ?? null,
          divisionCode: dto.divisionCode ?? null,
          displayName: dto.displayName ?? null,
        }),
      );
    } catch (e) {
      if ((e as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException(`username ${dto.username} is taken (用户名已存在)`);
      }
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
}
