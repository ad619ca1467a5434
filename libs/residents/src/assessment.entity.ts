import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AbilityScores, AssessmentGrade, AssessmentReason, CareLevel, GradeAdjustment, RiskEventCounts } from '@careops/care';

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

  /** docs/rules.md §4a: 'GB/T 42195-2022' when scored; null for a level or grade typed in (not scored). */
  @Column({ type: 'text', nullable: true })
  instrument!: 'GB/T 42195-2022' | null;

  @Column({ type: 'text', nullable: true })
  reason!: AssessmentReason | null;

  @Column({ name: 'assessed_on', type: 'date', nullable: true })
  assessedOn!: string | null;

  @Column({ type: 'text', array: true, nullable: true })
  assessors!: string[] | null;

  /** The 26 Part B scores by item code (B1.1 … B4.5). */
  @Column({ type: 'jsonb', nullable: true })
  items!: AbilityScores | null;

  /** Part A: ICD-10 codes. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  diagnoses!: string[];

  /** Part A: care risk events of the last 30 days, counts by kind. */
  @Column({ name: 'risk_events', type: 'jsonb', default: () => "'{}'" })
  riskEvents30d!: RiskEventCounts;

  @Column({ type: 'boolean', default: false })
  coma!: boolean;

  @Column({ name: 'total_score', type: 'integer', nullable: true })
  totalScore!: number | null;

  /** The grade of the total, before the adjustments. */
  @Column({ name: 'base_grade', type: 'text', nullable: true })
  baseGrade!: AssessmentGrade | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  adjustments!: GradeAdjustment[];

  /** The grade → level policy version that set the level (null for a level typed in). */
  @Column({ name: 'level_policy_id', type: 'uuid', nullable: true })
  levelPolicyId!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false })
  recordedAt!: Date;
}
