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
    fields: Pick<Assessment, 'residentId' | 'facilityId' | 'careLevel' | 'grade' | 'effectiveOn' | 'assessor' | 'notes'>,
  ): Promise<Assessment> {
    const row = this.assessments.create(fields);
    await this.assessments.insert(row);
    return row;
  }

  /** As read back: the columns the API shows, `recordedAt` included. */
  findById(id: string): Promise<Assessment> {
    return this.assessments.findOneByOrFail({ id });
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
