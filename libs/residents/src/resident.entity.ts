import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { ResidentCategory } from '@careops/care';

export { RESIDENT_CATEGORIES, RESIDENT_CATEGORY_LABELS, type ResidentCategory } from '@careops/care';

export interface EmergencyContact {
  name: string;
  relation: string;
  phone: string;
}

/** A resident 老人 (docs/rules.md §4). The ID number's cipher never leaves the service. */
@Entity('resident')
export class Resident {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  gender!: 'M' | 'F';

  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth!: string;

  @Column({ name: 'id_cipher', type: 'bytea', select: false })
  idCipher!: Buffer;

  @Column({ name: 'id_key_version', type: 'integer', select: false })
  idKeyVersion!: number;

  @Column({ name: 'id_hmac', type: 'bytea', select: false })
  idHmac!: Buffer;

  @Column({ name: 'id_masked', type: 'text' })
  idMasked!: string;

  @Column({ type: 'text', nullable: true })
  hukou!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'emergency_contacts', type: 'jsonb', default: () => "'[]'" })
  emergencyContacts!: EmergencyContact[];

  /** 监护人 (docs/rules.md §4): who decides for the resident; null when none is recorded. */
  @Column({ type: 'jsonb', nullable: true })
  guardian!: EmergencyContact | null;

  /** Pinyin initials of the name (王秀英 → wxy), written with the name: the register searches them. */
  @Column({ name: 'name_initials', type: 'text', default: () => "''" })
  nameInitials!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories!: ResidentCategory[];

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false })
  updatedAt!: Date;
}
