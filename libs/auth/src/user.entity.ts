import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@careops/care';

/** A login (docs/rules.md §1). The hash never leaves the service layer: see `toPublicUser`. */
@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  username!: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'facility_id', type: 'uuid', nullable: true })
  facilityId!: string | null;

  @Column({ name: 'division_code', type: 'char', length: 6, nullable: true })
  divisionCode!: string | null;

  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @Column({ name: 'disabled_by', type: 'uuid', nullable: true })
  disabledBy!: string | null;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason!: string | null;

  /** Access tokens issued at or before this instant are refused (set on deactivation). */
  @Column({ name: 'sessions_valid_after', type: 'timestamptz', nullable: true, select: false })
  sessionsValidAfter!: Date | null;
}

export interface PublicUser {
  id: string;
  username: string;
  role: Role;
  facilityId?: string;
  divisionCode?: string;
  displayName?: string;
  /** Set once the account is deactivated: its sessions ended then. */
  disabledAt?: Date;
  disabledReason?: string;
}

type Shown = Pick<User, 'id' | 'username' | 'role' | 'facilityId' | 'divisionCode' | 'displayName'> &
  Partial<Pick<User, 'disabledAt' | 'disabledReason'>>;

export function toPublicUser(u: Shown): PublicUser {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    ...(u.facilityId ? { facilityId: u.facilityId } : {}),
    ...(u.divisionCode ? { divisionCode: u.divisionCode } : {}),
    ...(u.displayName ? { displayName: u.displayName } : {}),
    ...(u.disabledAt ? { disabledAt: u.disabledAt, disabledReason: u.disabledReason ?? undefined } : {}),
  };
}
