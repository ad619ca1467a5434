import { BadRequestException, ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { FACILITY_ROLES, isProvincePrefix } from '@careops/care';
import { AuditService } from '@careops/audit';
import { UNIQUE_VIOLATION } from '@careops/db';
import { CreateUserDto } from './dto/create-user.dto';
import { hashPassword, passwordProblems } from './password';
import { PublicUser, toPublicUser, User } from './user.entity';


@Injectable()
export class UsersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

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
