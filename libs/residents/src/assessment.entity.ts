import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AssessmentGrade, CareLevel } from '@careops/care';

/** An ability assessment 老年人能力评估 (docs/rules.md §4); append-only. */
@Entity('assessment')
export class Assessment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'bigint', insert: false, update: false, select: false })
  seq!: string;

  @Column({ name: 'facility_id', type: 'uuid', select: false })
  facilityId!: string;

  @Column({ name: 'resident_id', type: 'uuid' })
  residentId!: string;

  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn!: string;

  @Column({ name: 'care_level', type: 'text' })
  careLevel!: CareLevel;

  @Column({ type: 'text', nullable: true })
  grade!: AssessmentGrade | null;

  @Column({ type: 'text' })
  assessor!: string;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  /** The admission it was recorded with (its level on admission); voided with it (docs/rules.md §12). */
  @Column({ name: 'admission_id', type: 'uuid', nullable: true, select: false })
  admissionId!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false })
  recordedAt!: Date;
}
