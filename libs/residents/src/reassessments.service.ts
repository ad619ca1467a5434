import { Injectable } from '@nestjs/common';
import { IsoDate, ReassessmentReason, reassessmentDue, ReassessmentSettings, ReassessmentTrigger } from '@careops/care';
import { AppConfig } from '@careops/platform';
import { ReassessmentsRepository } from './reassessments.repository';

export interface ReassessmentDueRow {
  residentId: string;
  name: string;
  bed: string | null;
  lastAssessedOn: IsoDate | null;
  lastEffectiveOn: IsoDate | null;
  reason: ReassessmentReason;
  dueOn: IsoDate;
}

/**
 * The seam for events after which an 即时评估 is due that other features record (incidents,
 * docs/rules.md §10): a feature registers a source (`addTriggerSource`, e.g. in its module's
 * onModuleInit), and its triggers join the hospital leaves.
 */
export interface ReassessmentTriggerSource {
  /** Per resident, events on or before `day` (the list keeps those after the latest assessment). */
  triggersUpTo(day: IsoDate): Promise<Map<string, ReassessmentTrigger[]>>;
}

/** docs/rules.md §4a: who is due an ability assessment on a day, and why. */
@Injectable()
export class ReassessmentsService {
  private readonly sources: ReassessmentTriggerSource[] = [];

  constructor(
    private readonly rows: ReassessmentsRepository,
    private readonly config: AppConfig,
  ) {}

  addTriggerSource(source: ReassessmentTriggerSource): void {
    this.sources.push(source);
  }

  settings(): ReassessmentSettings {
    return { intervalMonths: this.config.REASSESSMENT_MONTHS, hospitalDays: this.config.REASSESSMENT_HOSPITAL_DAYS, leadDays: 30 };
  }

  /** Residents in care on `day` whose assessment is missing, due by the routine interval, or due after an event; by due date. */
  async due(day: IsoDate, extra: Map<string, ReassessmentTrigger[]> = new Map()): Promise<ReassessmentDueRow[]> {
    const residents = await this.rows.inCareOn(day);
    const fromSources = await Promise.all(this.sources.map((source) => source.triggersUpTo(day)));
    const settings = this.settings();
    const due: ReassessmentDueRow[] = [];
    for (const r of residents) {
      const last = r.lastEffectiveOn ? { assessedOn: r.lastAssessedOn, effectiveOn: r.lastEffectiveOn } : null;
      const triggers = [...fromSources.flatMap((m) => m.get(r.residentId) ?? []), ...(extra.get(r.residentId) ?? [])];
      const d = reassessmentDue({ admittedOn: r.admittedOn, last, hospitalLeaves: r.hospitalLeaves }, day, settings, triggers);
      if (d)
        due.push({
          residentId: r.residentId,
          name: r.name,
          bed: r.bed,
          lastAssessedOn: r.lastAssessedOn,
          lastEffectiveOn: r.lastEffectiveOn,
          reason: d.reason,
          dueOn: d.dueOn,
        });
    }
    return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.name.localeCompare(b.name, 'zh-CN'));
  }
}
