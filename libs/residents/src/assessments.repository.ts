import { Injectable } from '@nestjs/common';
import { TenantDb } from '@careops/db';
import { Assessment } from './assessment.entity';

/** Ability assessments, append-only (docs/rules.md §4). */
@Injectable()
export class AssessmentsRepository {
  constructor(private readonly db: TenantDb) {}

  private get assessments() {
    return this.db.sql.getRepository(Assessment);
  }

  /** Inserts one; the returned entity holds its new id and what was written. */
  async insert(
    fields: Pick<Assessment, 'residentId' | 'facilityId' | 'careLevel' | 'grade' | 'effectiveOn' | 'assessor' | 'notes'> &
      Partial<
        Pick<
          Assessment,
          | 'admissionId'
          | 'levelPolicyId'
          | 'instrument'
          | 'reason'
          | 'assessedOn'
          | 'assessors'
          | 'items'
          | 'diagnoses'
          | 'riskEvents30d'
          | 'coma'
          | 'totalScore'
          | 'baseGrade'
          | 'adjustments'
        >
      >,
  ): Promise<Assessment> {
    const row = this.assessments.create(fields);
    await this.assessments.insert(row);
    return row;
  }

  /** As read back: the columns the API shows, `recordedAt` included. */
  findById(id: string): Promise<Assessment> {
    return this.assessments.findOneByOrFail({ id });
  }

  /** An assessment in force of a resident; null if none (voided, another resident's, or not in this facility). */
  findOfResident(residentId: string, id: string): Promise<Assessment | null> {
    return this.assessments.findOneBy({ id, residentId });
  }

  /** An assessment in force, locked; undefined if there is none (or it was voided). */
  async findInForce(id: string): Promise<Assessment | undefined> {
    // Locked through the entries: the app may update only their voided_at, and a lock needs that right.
    const [row] = await this.db.sql.query(`SELECT id FROM assessment_entry WHERE id = $1 AND voided_at IS NULL FOR UPDATE`, [id]);
    return row ? this.findById(id) : undefined;
  }

  /** When an assessment was voided, if it was (docs/rules.md §12). */
  async voidedAt(id: string): Promise<string | undefined> {
    const [row]: { voided_at: Date | null }[] = await this.db.sql.query(`SELECT voided_at FROM assessment_entry WHERE id = $1`, [id]);
    return row?.voided_at?.toISOString();
  }

  /** Takes it out of force: the history keeps it, nothing reads it as a level (docs/rules.md §12). */
  async void(id: string): Promise<void> {
    await this.db.sql.query(`UPDATE assessment_entry SET voided_at = now() WHERE id = $1 AND voided_at IS NULL`, [id]);
  }

  /** Voids the levels recorded with an admission; how many (docs/rules.md §12). */
  async voidOfAdmission(admissionId: string): Promise<number> {
    // A SELECT over the UPDATE: the driver answers an UPDATE with [rows, count], a SELECT with rows.
    const [row]: { n: number }[] = await this.db.sql.query(
      `WITH v AS (UPDATE assessment_entry SET voided_at = now() WHERE admission_id = $1 AND voided_at IS NULL RETURNING id)
       SELECT count(*)::int AS n FROM v`,
      [admissionId],
    );
    return row.n;
  }

  /**
   * Of `names`, those of staff employed on `day` who hold a certificate whose type names 评估员, valid on
   * `day` ([issuedOn, expiresOn), docs/rules.md §6) — the assessors a facility may require (docs/rules.md §4a).
   */
  async certifiedAssessors(names: string[], day: string): Promise<Set<string>> {
    const rows: { name: string }[] = await this.db.sql.query(
      `SELECT DISTINCT s.name FROM staff s JOIN staff_certificate c ON c.staff_id = s.id
       WHERE s.name = ANY($1::text[]) AND s.employed_from <= $2::date AND (s.employed_to IS NULL OR s.employed_to > $2::date)
         AND c.type LIKE '%评估员%' AND c.issued_on <= $2::date AND c.expires_on > $2::date`,
      [names, day],
    );
    return new Set(rows.map((r) => r.name));
  }

  /** A resident's history, by effective date then order of recording. */
  listFor(residentId: string): Promise<Assessment[]> {
    return this.assessments
      .createQueryBuilder('a')
      .where('a.residentId = :residentId', { residentId })
      .orderBy('a.effectiveOn', 'ASC')
      .addOrderBy('a.seq', 'ASC')
      .getMany();
  }
}
