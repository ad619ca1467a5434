import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const RESIDENT_CATEGORIES = ['TEKUN', 'DIBAO', 'LOW_INCOME', 'ADVANCED_AGE', 'LIVING_ALONE', 'FAMILY_PLANNING_SPECIAL'] as const;
export type ResidentCategory = (typeof RESIDENT_CATEGORIES)[number];
/** DOMAIN.md §4: 特困供养, 低保, 经济困难, 高龄, 独居/空巢, 计生特殊家庭. */
export const RESIDENT_CATEGORY_LABELS: Record<ResidentCategory, string> = {
  TEKUN: '特困供养',
  DIBAO: '低保',
  LOW_INCOME: '经济困难',
  ADVANCED_AGE: '高龄',
  LIVING_ALONE: '独居/空巢',
  FAMILY_PLANNING_SPECIAL: '计生特殊家庭',
};

export interface EmergencyContact {
  name: string;
  relation: string;
  phone: string;
}

/** A resident 老人 (DOMAIN.md §4). The ID number's cipher never leaves the service. */
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

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories!: ResidentCategory[];

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false })
  updatedAt!: Date;
}
