import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { calendarDate, dayNumber } from '@careops/care';
import { AuditService } from '@careops/audit';
import { EXCLUSION_VIOLATION, refuseOn, UNIQUE_VIOLATION, type RequestContext, FacilityScoped } from '@careops/db';
import { ResidentsService } from '@careops/residents';
import { AttendanceDto, EnrolDto, ServiceRecordDto } from './dto/day-care.dto';


/** Day centers (docs/rules.md §2, §4): members are enrolled, not admitted; attendance; the six helps. */
@Injectable()
export class DayCareService extends FacilityScoped {
  constructor(
    txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    cls: ClsService<RequestContext>,
    private readonly audit: AuditService,
    private readonly residents: ResidentsService,
  ) {
    super(txHost, cls);
  }



  /** docs/rules.md §2: day care is for DAY_CENTER and the day side of STREET_CENTER. */
  private async requireDayCare(): Promise<void> {
    const [f]: { type: string }[] = await this.sql.query(`SELECT type FROM facility WHERE id = $1`, [this.facilityId()]);
    if (f?.type !== 'DAY_CENTER' && f?.type !== 'STREET_CENTER') {
      throw new UnprocessableEntityException('day care is for day centers and street centers (仅日间照料中心/街道综合养老服务中心)');
    }
  }

  private write<T>(run: () => Promise<T>, conflict: string): Promise<T> {
    return refuseOn(this.sql, [UNIQUE_VIOLATION, EXCLUSION_VIOLATION], run, () => new ConflictException(conflict));
  }

  async enrol(dto: EnrolDto) {
    await this.requireDayCare();
    const resident = await this.residents.get(dto.residentId);
    const [m]: { id: string }[] = await this.write(
      () => this.sql.query(`INSERT INTO day_member (facility_id, resident_id, period) VALUES ($1, $2, daterange($3, NULL)) RETURNING id`, [
        this.facilityId(), dto.residentId, dto.enrolledOn,
      ]),
      `${resident.name} is already a member on ${dto.enrolledOn} (已是会员)`,
    );
    if (dto.careLevel) {
      await this.residents.recordAssessment(dto.residentId, {
        careLevel: dto.careLevel, grade: null, effectiveOn: dto.enrolledOn, assessor: this.cls.get('principal')?.username ?? 'system', notes: '入会时记录',
      }, { audited: false });
    }
    await this.audit.record({ action: 'day_member.enrol', entityType: 'day_member', entityId: m.id, after: { ...dto } });
    return this.member(m.id);
  }

  async endMembership(memberId: string, leftOn: string) {
    const member = await this.member(memberId);
    if (member.leftOn) throw new ConflictException(`membership already ended on ${member.leftOn}`);
    if (dayNumber(leftOn) <= dayNumber(member.enrolledOn)) {
      throw new UnprocessableEntityException(`leftOn ${leftOn} must be after enrolment on ${member.enrolledOn} (退会日期须晚于入会日期)`);
    }
    await this.sql.query(`UPDATE day_member SET period = daterange(lower(period), $2) WHERE id = $1`, [memberId, leftOn]);
    await this.audit.record({ action: 'day_member.end', entityType: 'day_member', entityId: memberId, after: { leftOn } });
    return this.member(memberId);
  }

  async member(id: string) {
    const [m] = await this.sql.query(
      `SELECT m.id, m.resident_id AS "residentId", r.name, lower(m.period)::text AS "enrolledOn", upper(m.period)::text AS "leftOn"
       FROM day_member m JOIN resident r ON r.id = m.resident_id WHERE m.id = $1`,
      [id],
    );
    if (!m) throw new NotFoundException('member not found (会员不存在)');
    return m as { id: string; residentId: string; name: string; enrolledOn: string; leftOn: string | null };
  }

  /** Members on a date, with their care level that day. */
  members(date = calendarDate(new Date())) {
    return this.sql.query(
      `SELECT m.id, m.resident_id AS "residentId", r.name, lower(m.period)::text AS "enrolledOn", upper(m.period)::text AS "leftOn",
              (SELECT care_level FROM assessment a WHERE a.resident_id = m.resident_id AND a.effective_on <= $1::date
               ORDER BY a.effective_on DESC, a.seq DESC LIMIT 1) AS "careLevel"
       FROM day_member m JOIN resident r ON r.id = m.resident_id WHERE m.period @> $1::date ORDER BY r.name`,
      [date],
    );
  }

  async checkIn(dto: AttendanceDto) {
    await this.requireDayCare();
    const [member] = await this.sql.query(`SELECT 1 FROM day_member WHERE resident_id = $1 AND period @> $2::date`, [dto.residentId, dto.day]);
    if (!member) throw new UnprocessableEntityException(`the resident is not a member on ${dto.day} (该老人当日不是会员)`);
    if (dto.checkOut && dto.checkOut <= dto.checkIn) throw new UnprocessableEntityException('checkOut must be after checkIn (离开时间须晚于到达时间)');
    const [row]: { id: string }[] = await this.write(
      () => this.sql.query(
        `INSERT INTO attendance (facility_id, resident_id, day, check_in, check_out) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [this.facilityId(), dto.residentId, dto.day, dto.checkIn, dto.checkOut ?? null],
      ),
      `attendance for ${dto.day} is already recorded (当日已签到)`,
    );
    await this.audit.record({ action: 'attendance.check_in', entityType: 'attendance', entityId: row.id, after: { ...dto } });
    return this.attendanceRow(row.id);
  }

  async checkOut(id: string, checkOut: string) {
    const before = await this.attendanceRow(id);
    if (checkOut <= before.checkIn) throw new UnprocessableEntityException('checkOut must be after checkIn (离开时间须晚于到达时间)');
    await this.sql.query(`UPDATE attendance SET check_out = $2 WHERE id = $1`, [id, checkOut]);
    await this.audit.record({ action: 'attendance.check_out', entityType: 'attendance', entityId: id, before: { checkOut: before.checkOut }, after: { checkOut } });
    return this.attendanceRow(id);
  }

  private async attendanceRow(id: string) {
    const [a] = await this.sql.query(
      `SELECT id, resident_id AS "residentId", day::text AS day, to_char(check_in, 'HH24:MI') AS "checkIn", to_char(check_out, 'HH24:MI') AS "checkOut"
       FROM attendance WHERE id = $1`,
      [id],
    );
    if (!a) throw new NotFoundException('attendance not found (签到记录不存在)');
    return a as { id: string; residentId: string; day: string; checkIn: string; checkOut: string | null };
  }

  /** The attendance sheet of a day: every member, present or not. */
  attendance(date = calendarDate(new Date())) {
    return this.sql.query(
      `SELECT m.resident_id AS "residentId", r.name, a.id AS "attendanceId",
              to_char(a.check_in, 'HH24:MI') AS "checkIn", to_char(a.check_out, 'HH24:MI') AS "checkOut"
       FROM day_member m JOIN resident r ON r.id = m.resident_id
       LEFT JOIN attendance a ON a.resident_id = m.resident_id AND a.day = $1::date
       WHERE m.period @> $1::date ORDER BY r.name`,
      [date],
    );
  }

  async serve(dto: ServiceRecordDto) {
    await this.requireDayCare();
    await this.residents.get(dto.residentId);
    const [row]: { id: string }[] = await this.sql.query(
      `INSERT INTO service_record (facility_id, resident_id, kind, served_at, served_by, notes) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [this.facilityId(), dto.residentId, dto.kind, dto.servedAt, dto.servedBy, dto.notes ?? null],
    );
    await this.audit.record({ action: 'service_record.create', entityType: 'service_record', entityId: row.id, after: { ...dto } });
    const [saved] = await this.services(undefined, undefined, row.id);
    return saved;
  }

  /** Service records in [from, to) calendar days (Asia/Shanghai). */
  services(from?: string, to?: string, id?: string) {
    return this.sql.query(
      `SELECT s.id, s.resident_id AS "residentId", r.name, s.kind, s.served_at AS "servedAt", s.served_by AS "servedBy", s.notes
       FROM service_record s JOIN resident r ON r.id = s.resident_id
       WHERE ($1::uuid IS NULL OR s.id = $1)
         AND ($2::date IS NULL OR s.served_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai'))
         AND ($3::date IS NULL OR s.served_at < ($3::date::timestamp AT TIME ZONE 'Asia/Shanghai'))
       ORDER BY s.served_at`,
      [id ?? null, from ?? null, to ?? null],
    );
  }
}
