import { Injectable } from '@nestjs/common';
import { staffingPeriod, type IsoDate, type StaffingPeriod, type StaffOnRecord } from '@careops/care';
import { StaysRepository } from '@careops/admissions';
import { CareLevelsRepository } from '@careops/residents';
import { StaffRepository, type StaffView } from './staff.repository';

/**
 * docs/rules.md §6 over [from, to): the period's stays, assessments and staff read in a few queries
 * (none per day), then libs/care's staffingPeriod over them.
 */
@Injectable()
export class StaffingService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly stays: StaysRepository,
    private readonly levels: CareLevelsRepository,
  ) {}

  async compute(from: IsoDate, to: IsoDate): Promise<StaffingPeriod> {
    return (await this.computeWithStaff(from, to)).period;
  }

  /** The period and the staff it counted (the compliance report names those who did not count). */
  async computeWithStaff(from: IsoDate, to: IsoDate): Promise<{ period: StaffingPeriod; staff: StaffView[] }> {
    const stays = await this.stays.periodsIn('stay', { from, to });
    const histories = await this.levels.historiesBefore(
      stays.map((s) => s.residentId),
      to,
    );
    const residents = stays.map((s) => ({ stays: s.periods, assessments: histories.get(s.residentId) ?? [] }));
    const roster = await this.staff.list();
    const staff = roster.map<StaffOnRecord>((s) => ({
      id: s.id,
      role: s.role,
      employedFrom: s.employedFrom,
      employedTo: s.employedTo,
      fteHundredths: Math.round(s.fte * 100),
      trainings: s.trainings,
      certificates: s.certificates,
    }));
    return { period: staffingPeriod(residents, staff, from, to), staff: roster };
  }
}
