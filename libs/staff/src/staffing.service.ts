import { Injectable } from '@nestjs/common';
import { staffingPeriod, type IsoDate, type StaffingPeriod, type StaffOnRecord } from '@careops/care';
import { StaysRepository } from '@careops/admissions';
import { CareLevelsRepository } from '@careops/residents';
import { StaffRepository } from './staff.repository';

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
    const stays = await this.stays.periodsIn('stay', { from, to });
    const histories = await this.levels.historiesBefore(
      stays.map((s) => s.residentId),
      to,
    );
    const residents = stays.map((s) => ({ stays: s.periods, assessments: histories.get(s.residentId) ?? [] }));
    const staff = (await this.staff.list()).map<StaffOnRecord>((s) => ({
      id: s.id,
      role: s.role,
      employedFrom: s.employedFrom,
      employedTo: s.employedTo,
      fteHundredths: Math.round(s.fte * 100),
      trainings: s.trainings,
      certificates: s.certificates,
    }));
    return staffingPeriod(residents, staff, from, to);
  }
}
