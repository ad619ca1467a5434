import { Injectable } from '@nestjs/common';
import { TenantDb } from '@careops/db';
import type { CreateFacilityDto, UpdateFacilityDto } from './dto/facility.dto';
import { Facility } from './facility.entity';

/** The facility table, through the request's transaction: RLS decides which rows the caller sees. */
@Injectable()
export class FacilitiesRepository {
  constructor(private readonly db: TenantDb) {}

  private get facilities() {
    return this.db.sql.getRepository(Facility);
  }

  async insert(dto: CreateFacilityDto): Promise<string> {
    const { id } = await this.facilities.save(this.facilities.create(dto));
    return id;
  }

  findById(id: string): Promise<Facility | null> {
    return this.facilities.findOneBy({ id });
  }

  /** Every facility the caller's scope shows, by division then name. */
  listVisible(): Promise<Facility[]> {
    return this.facilities.find({ order: { divisionCode: 'ASC', name: 'ASC' } });
  }

  async update(id: string, changes: UpdateFacilityDto): Promise<void> {
    await this.facilities.update({ id }, { ...changes, updatedAt: () => 'now()' } as never);
  }

  /** docs/rules.md §11: archive (`reason`) or unarchive (null) in one statement; the row's new archived_at. */
  async setArchived(id: string, reason: string | null): Promise<void> {
    await this.db.sql.query(
      `UPDATE facility SET archived_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END, archive_reason = $2::text, updated_at = now()
       WHERE id = $1`,
      [id, reason],
    );
  }
}
