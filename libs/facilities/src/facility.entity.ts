import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { FacilityType } from '@careops/care';

export { FACILITY_TYPES, type FacilityType } from '@careops/care';
export const OPERATOR_KINDS = ['PUBLIC', 'PRIVATE', 'PUBLIC_BUILT_PRIVATE_RUN'] as const;
export const MEDICAL_ARRANGEMENTS = ['IN_HOUSE_CLINIC', 'SIGNED_AGREEMENT', 'NONE'] as const;

/** numeric comes back from pg as a string; the area is not money, so a JS number is fine here. */
const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A facility, the tenant (docs/rules.md §2). */
@Entity('facility')
export class Facility {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: FacilityType;

  @Column({ name: 'division_code', type: 'char', length: 6 })
  divisionCode!: string;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ name: 'building_area_m2', type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numeric })
  buildingAreaM2!: number | null;

  @Column({ name: 'license_number', type: 'text', nullable: true })
  licenseNumber!: string | null;

  @Column({ name: 'operator_kind', type: 'text', nullable: true })
  operatorKind!: (typeof OPERATOR_KINDS)[number] | null;

  @Column({ type: 'text', default: 'Asia/Shanghai' })
  timezone!: string;

  @Column({ name: 'fire_safety_passed_on', type: 'date', nullable: true })
  fireSafetyPassedOn!: string | null;

  @Column({ name: 'medical_arrangement', type: 'text', nullable: true })
  medicalArrangement!: (typeof MEDICAL_ARRANGEMENTS)[number] | null;

  /** docs/rules.md §11: since when it serves (the task list counts centers in operation), who runs it, 特困 support. */
  @Column({ name: 'in_operation_since', type: 'date', nullable: true })
  inOperationSince!: string | null;

  @Column({ type: 'text', nullable: true })
  operator!: string | null;

  @Column({ name: 'tekun_support', type: 'boolean', default: false })
  tekunSupport!: boolean;

  @Column({ name: 'safety_standard_checked_on', type: 'date', nullable: true })
  safetyStandardCheckedOn!: string | null;

  @Column({ name: 'quality_standard_checked_on', type: 'date', nullable: true })
  qualityStandardCheckedOn!: string | null;

  /** 收款账户 of the claim form (docs/rules.md §8): where the bureau pays the subsidy. */
  @Column({ name: 'bank_name', type: 'text', nullable: true })
  bankName!: string | null;

  @Column({ name: 'bank_account_name', type: 'text', nullable: true })
  bankAccountName!: string | null;

  @Column({ name: 'bank_account_number', type: 'text', nullable: true })
  bankAccountNumber!: string | null;

  /** 经办人 and 联系电话 printed on the claim form. */
  @Column({ name: 'contact_person', type: 'text', nullable: true })
  contactPerson!: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  /** docs/rules.md §11 archive: set by the platform; the facility leaves every division figure. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true, insert: false })
  archivedAt!: Date | null;

  @Column({ name: 'archive_reason', type: 'text', nullable: true, insert: false })
  archiveReason!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false })
  updatedAt!: Date;
}
