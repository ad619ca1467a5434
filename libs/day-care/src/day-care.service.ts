import { Injectable } from '@nestjs/common';
import { AuditService } from '@careops/audit';
import { addDays, calendarDate, dayNumber } from '@careops/care';
import { TenantDb } from '@careops/db';
import { FacilitiesService } from '@careops/facilities';
import { ConflictError, NotFoundError, RuleViolation } from '@careops/platform';
import { CareLevelsRepository, ResidentsService } from '@careops/residents';
import { DayCareRepository, type MembershipRow } from './day-care.repository';
import {
  AttendanceDto,
  BulkCheckInDto,
  BulkCheckOutDto,
  EnrolDto,
  ServiceRecordDto,
  ServiceRecordQuery,
  SIX_HELP_LABELS,
  SIX_HELPS,
} from './dto/day-care.dto';
import type {
  BulkAttendanceResponse,
  BulkSkippedResponse,
  ServiceSummaryResponse,
  AttendanceResponse,
  AttendanceSheetRowResponse,
  DayMemberOnDayResponse,
  DayMemberResponse,
  ServiceRecordResponse,
} from './dto/day-care.response';

/** The facility is a care home: it has no day care (docs/rules.md §2). */
export class NotADayCenterError extends RuleViolation {
  constructor() {
    super('NOT_A_DAY_CENTER');
  }
}

/** A service may be recorded this long after the server's clock (a phone's clock runs ahead). */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Day centers (docs/rules.md §2, §4): members are enrolled, not admitted; attendance; the six helps. */
@Injectable()
export class DayCareService {
  constructor(
    private readonly dayCare: DayCareRepository,
    private readonly db: TenantDb,
    private readonly facilities: FacilitiesService,
    private readonly residents: ResidentsService,
    private readonly levels: CareLevelsRepository,
    private readonly audit: AuditService,
  ) {}

  /** docs/rules.md §2: day care is for DAY_CENTER and the day side of STREET_CENTER. */
  private async requireDayCare(): Promise<void> {
    const { type } = await this.facilities.current();
    if (type !== 'DAY_CENTER' && type !== 'STREET_CENTER') throw new NotADayCenterError();
  }

  /** Today in the facility's time zone. */
  private async today(): Promise<string> {
    return calendarDate(new Date(), (await this.facilities.current()).timezone);
  }

  /** Names by resident, and the residents' order by name (as the lists are sorted). */
  private async names(residentIds: string[]): Promise<{ name: Map<string, string>; rank: Map<string, number> }> {
    const profiles = await this.levels.profiles([...new Set(residentIds)]);
    return { name: new Map(profiles.map((p) => [p.id, p.name])), rank: new Map(profiles.map((p, i) => [p.id, i])) };
  }

  async enrol(dto: EnrolDto): Promise<DayMemberResponse> {
    await this.requireDayCare();
    const resident = await this.residents.get(dto.residentId);
    const id = await this.dayCare.insertMembership(dto.residentId, dto.enrolledOn);
    if (!id) throw new ConflictError('ALREADY_A_MEMBER', { name: resident.name, date: dto.enrolledOn });
    if (dto.careLevel) {
      await this.residents.recordAssessment(
        dto.residentId,
        {
          careLevel: dto.careLevel,
          grade: null,
          effectiveOn: dto.enrolledOn,
          assessor: this.db.actor(),
          notes: '入会时记录',
        },
        { audited: false },
      );
    }
    await this.audit.record({ action: 'day_member.enrol', entityType: 'day_member', entityId: id, after: { ...dto } });
    return this.member(id);
  }

  async endMembership(memberId: string, leftOn: string): Promise<DayMemberResponse> {
    const member = await this.member(memberId);
    if (member.leftOn) throw new ConflictError('MEMBERSHIP_ALREADY_ENDED', { leftOn: member.leftOn });
    if (dayNumber(leftOn) <= dayNumber(member.enrolledOn)) {
      throw new RuleViolation('MEMBERSHIP_END_BEFORE_START', { leftOn, enrolledOn: member.enrolledOn });
    }
    await this.dayCare.endMembership(memberId, leftOn);
    await this.audit.record({ action: 'day_member.end', entityType: 'day_member', entityId: memberId, after: { leftOn } });
    return this.member(memberId);
  }

  async member(id: string): Promise<DayMemberResponse> {
    const m = await this.dayCare.findMembership(id);
    if (!m) throw new NotFoundError('MEMBER_NOT_FOUND');
    const { name } = await this.names([m.residentId]);
    return withName(m, name.get(m.residentId));
  }

  /** Members on a date (default today), by name, with their care level that day (docs/rules.md §4). */
  async members(date?: string): Promise<DayMemberOnDayResponse[]> {
    const day = date ?? (await this.today());
    const memberships = await this.dayCare.membershipsOn(day);
    const ids = memberships.map((m) => m.residentId);
    const { name, rank } = await this.names(ids);
    const levels = ids.length > 0 ? await this.levels.levelsOn(day, ids) : new Map<string, string>();
    return byRank(memberships, rank).map((m) => ({ ...withName(m, name.get(m.residentId)), careLevel: levels.get(m.residentId) ?? null }));
  }

  /** docs/rules.md §4: attendance is recorded for today or a past day, never ahead. */
  private async notAhead(day: string): Promise<void> {
    const today = await this.today();
    if (dayNumber(day) > dayNumber(today)) throw new RuleViolation('ATTENDANCE_IN_FUTURE', { day, today });
  }

  async checkIn(dto: AttendanceDto): Promise<AttendanceResponse> {
    await this.requireDayCare();
    await this.notAhead(dto.day);
    if (!(await this.dayCare.isMemberOn(dto.residentId, dto.day))) throw new RuleViolation('MEMBER_NOT_ENROLLED', { day: dto.day });
    if (dto.checkOut && dto.checkOut <= dto.checkIn) throw new RuleViolation('CHECK_OUT_BEFORE_CHECK_IN');
    const id = await this.dayCare.insertAttendance(dto);
    if (!id) throw new ConflictError('ALREADY_CHECKED_IN', { day: dto.day });
    await this.audit.record({ action: 'attendance.check_in', entityType: 'attendance', entityId: id, after: { ...dto } });
    return this.attendanceRow(id);
  }

  async checkOut(id: string, checkOut: string): Promise<AttendanceResponse> {
    const before = await this.attendanceRow(id);
    await this.notAhead(before.day);
    if (checkOut <= before.checkIn) throw new RuleViolation('CHECK_OUT_BEFORE_CHECK_IN');
    await this.dayCare.setCheckOut(id, checkOut);
    await this.audit.record({
      action: 'attendance.check_out',
      entityType: 'attendance',
      entityId: id,
      before: { checkOut: before.checkOut },
      after: { checkOut },
    });
    return this.attendanceRow(id);
  }

  /**
   * 全部签到: checks in every member named, at one time; those already checked in that day are
   * skipped (and named), anyone not a member that day refuses the whole request.
   */
  async bulkCheckIn(dto: BulkCheckInDto): Promise<BulkAttendanceResponse> {
    await this.requireDayCare();
    await this.notAhead(dto.day);
    const sheet = await this.sheetOf(dto.day, dto.residentIds);
    const done: AttendanceResponse[] = [];
    const skipped: BulkSkippedResponse[] = [];
    for (const row of sheet) {
      if (row.attendanceId) {
        skipped.push({ residentId: row.residentId, name: row.name, reason: 'ALREADY_CHECKED_IN' });
        continue;
      }
      const id = await this.dayCare.insertAttendance({ residentId: row.residentId, day: dto.day, checkIn: dto.checkIn });
      if (!id) throw new ConflictError('ALREADY_CHECKED_IN', { day: dto.day });
      done.push(await this.attendanceRow(id));
    }
    // One request, one audit row (the interceptor's rule): every attendance written, by id.
    await this.audit.record({
      action: 'attendance.bulk_check_in',
      entityType: 'attendance',
      after: { day: dto.day, checkIn: dto.checkIn, attendanceIds: done.map((a) => a.id), residentIds: done.map((a) => a.residentId) },
    });
    return { day: dto.day, done, skipped };
  }

  /**
   * 全部签退: checks out every member named who is here; those not checked in or already gone are
   * skipped (and named); a time not after someone's check-in refuses the whole request.
   */
  async bulkCheckOut(dto: BulkCheckOutDto): Promise<BulkAttendanceResponse> {
    await this.requireDayCare();
    await this.notAhead(dto.day);
    const sheet = await this.sheetOf(dto.day, dto.residentIds);
    const done: AttendanceResponse[] = [];
    const skipped: BulkSkippedResponse[] = [];
    for (const row of sheet) {
      if (!row.attendanceId || !row.checkIn) {
        skipped.push({ residentId: row.residentId, name: row.name, reason: 'NOT_CHECKED_IN' });
        continue;
      }
      if (row.checkOut) {
        skipped.push({ residentId: row.residentId, name: row.name, reason: 'ALREADY_CHECKED_OUT' });
        continue;
      }
      if (dto.checkOut <= row.checkIn) throw new RuleViolation('CHECK_OUT_BEFORE_CHECK_IN');
      await this.dayCare.setCheckOut(row.attendanceId, dto.checkOut);
      done.push(await this.attendanceRow(row.attendanceId));
    }
    await this.audit.record({
      action: 'attendance.bulk_check_out',
      entityType: 'attendance',
      after: { day: dto.day, checkOut: dto.checkOut, attendanceIds: done.map((a) => a.id), residentIds: done.map((a) => a.residentId) },
    });
    return { day: dto.day, done, skipped };
  }

  /** The sheet's rows of the residents named, each a member that day (else MEMBER_NOT_ENROLLED naming them). */
  private async sheetOf(day: string, residentIds: string[]): Promise<AttendanceSheetRowResponse[]> {
    const rows = new Map((await this.attendance(day)).map((r) => [r.residentId, r]));
    const wanted = [...new Set(residentIds)];
    const missing = wanted.find((id) => !rows.has(id));
    if (missing) {
      const resident = await this.residents.get(missing);
      throw new RuleViolation('NOT_A_MEMBER_THAT_DAY', { day, name: resident.name });
    }
    return wanted.map((id) => rows.get(id) as AttendanceSheetRowResponse);
  }

  private async attendanceRow(id: string): Promise<AttendanceResponse> {
    const a = await this.dayCare.findAttendance(id);
    if (!a) throw new NotFoundError('ATTENDANCE_NOT_FOUND');
    return a;
  }

  /** The attendance sheet of a day (default today): every member by name, present or not. */
  async attendance(date?: string): Promise<AttendanceSheetRowResponse[]> {
    const sheet = await this.dayCare.attendanceSheet(date ?? (await this.today()));
    const { name, rank } = await this.names(sheet.map((r) => r.residentId));
    return byRank(sheet, rank).map((r) => ({
      residentId: r.residentId,
      name: name.get(r.residentId) ?? '',
      attendanceId: r.attendanceId,
      checkIn: r.checkIn,
      checkOut: r.checkOut,
      status: r.checkOut ? 'LEFT' : r.checkIn ? 'PRESENT' : 'ABSENT',
    }));
  }

  async serve(dto: ServiceRecordDto): Promise<ServiceRecordResponse> {
    await this.requireDayCare();
    await this.residents.get(dto.residentId);
    if (new Date(dto.servedAt).getTime() > Date.now() + CLOCK_SKEW_MS)
      throw new RuleViolation('SERVICE_IN_FUTURE', { servedAt: dto.servedAt });
    const id = await this.dayCare.insertServiceRecord(dto);
    await this.audit.record({ action: 'service_record.create', entityType: 'service_record', entityId: id, after: { ...dto } });
    const [saved] = await this.records({ id });
    return saved;
  }

  /**
   * Service records in [from, to), calendar days of the facility's time zone, by time served; of one
   * kind, one member, or whose member's or server's name contains `q`, when given.
   */
  async services(query: ServiceRecordQuery): Promise<ServiceRecordResponse[]> {
    if (dayNumber(query.to) <= dayNumber(query.from))
      throw new RuleViolation('PERIOD_END_BEFORE_START', { to: query.to, from: query.from });
    const all = await this.records({ from: query.from, to: query.to, kind: query.kind, residentId: query.residentId });
    const q = query.q?.trim();
    return q ? all.filter((r) => r.name.includes(q) || r.servedBy.includes(q)) : all;
  }

  /** The month's six helps (docs/rules.md §4): per kind services and different members, and in all. */
  async serviceSummary(monthOrThis?: string): Promise<ServiceSummaryResponse> {
    const month = monthOrThis ?? (await this.today()).slice(0, 7);
    const from = `${month}-01`;
    const to = addDays(`${month}-28`, 4).slice(0, 7) + '-01';
    const { timezone } = await this.facilities.current();
    const counts = await this.dayCare.serviceCounts(from, to, timezone);
    const total = counts.find((c) => c.kind === null);
    return {
      month,
      kinds: SIX_HELPS.map((kind) => {
        const c = counts.find((x) => x.kind === kind);
        return { kind, label: SIX_HELP_LABELS[kind], services: c?.services ?? 0, persons: c?.persons ?? 0 };
      }),
      services: total?.services ?? 0,
      persons: total?.persons ?? 0,
    };
  }

  private async records(q: {
    id?: string;
    from?: string;
    to?: string;
    kind?: string;
    residentId?: string;
  }): Promise<ServiceRecordResponse[]> {
    const { timezone } = await this.facilities.current();
    const rows = await this.dayCare.serviceRecords({ ...q, timeZone: timezone });
    const { name } = await this.names(rows.map((r) => r.residentId));
    return rows.map((r) => ({
      id: r.id,
      residentId: r.residentId,
      name: name.get(r.residentId) ?? '',
      kind: r.kind,
      servedAt: r.servedAt,
      servedBy: r.servedBy,
      notes: r.notes,
    }));
  }
}

function withName(m: MembershipRow, name: string | undefined): DayMemberResponse {
  return { id: m.id, residentId: m.residentId, name: name ?? '', enrolledOn: m.enrolledOn, leftOn: m.leftOn };
}

/** Rows in the order of their resident's rank (by name, as PostgreSQL sorts names). */
function byRank<T extends { residentId: string }>(rows: T[], rank: Map<string, number>): T[] {
  return [...rows].sort((a, b) => (rank.get(a.residentId) ?? 0) - (rank.get(b.residentId) ?? 0));
}
