import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@careops/care';

/** A login (DOMAIN.md §1). The hash never leaves the service layer: see `toPublicUser`. */
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
}

export interface PublicUser {
  id: string;
  username: string;
  role: Role;
  facilityId?: string;
  divisionCode?: string;
  displayName?: string;
}

export function toPublicUser(u: Pick<User, 'id' | 'username' | 'role' | 'facilityId' | 'divisionCode' | 'displayName'>): PublicUser {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    ...(u.facilityId ? { facilityId: u.facilityId } : {}),
    ...(u.divisionCode ? { divisionCode: u.divisionCode } : {}),
    ...(u.displayName ? { displayName: u.displayName } : {}),
  };
}
