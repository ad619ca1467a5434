import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@careops/audit';
import { calendarDate, dayNumber, EXCLUSION_REASON_LABELS, StaffOnRecord, staffingPeriod, StaffingPeriod } from '@careops/care';
import { refuseOn, UNIQUE_VIOLATION, type RequestContext, FacilityScoped } from '@careops/db';
import { CertificateDto, CreateStaffDto, TrainingDto, UpdateStaffDto } from './dto/staff.dto';

export interface StaffView {
  id: string;
  name: string;
  role: StaffOnRecord['role'];
  employedFrom: string;
  employedTo: string | null;
  fte: number;
  phone: string | null;
  trainings: { id: string; course: string; completedOn: string; passed: boolean }[];
  certificates: { id: string; type: string; number: string; level: string | null; issuedOn: string; expiresOn: string }[];
}

/** docs/rules.md §2: a day center / street center keeps at least 3 management or service staff. */
export const DAY_CENTER_MIN_STAFF = 3;

@Injectable()
export class StaffService extends FacilityScoped {
  constructor(
    txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    cls: ClsService<RequestContext>,
    private readonly audit: AuditService,
  ) {
    super(txHost, cls);
  }


  async create(dto: CreateStaffDto): Promise<StaffView> {
    this.checkEmployment(dto.employedFrom, dto.employedTo);
    const [row]: { id: string }[] = await this.sql.query(
      `INSERT INTO staff (facility_id, name, role, employed_from, employed_to, fte_hundredths, phone) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [this.facilityId(), dto.name, dto.role, dto.employedFrom, dto.employedTo ?? null, Math.round(dto.fte * 100), dto.phone ?? null],
    );
    await this.audit.record({ action: 'staff.create', entityType: 'staff', entityId: row.id, after: { ...dto } });
    return this.get(row.id);
  }

  async update(id: string, dto: UpdateStaffDto): Promise<StaffView> {
    if (Object.values(dto).every((v) => v === undefined)) throw new BadRequestException(['no field to update (没有需要修改的字段)']);
    const before = await this.get(id);
    this.checkEmployment(dto.employedFrom ?? before.employedFrom, dto.employedTo === undefined ? before.employedTo : dto.employedTo);
    await this.sql.query(
      `UPDATE staff SET name = coalesce($2, name), role = coalesce($3, role), employed_from = coalesce($4, employed_from),
         employed_to = CASE WHEN $5::boolean THEN $6::date ELSE employed_to END, fte_hundredths = coalesce($7, fte_hundredths),
         phone = coalesce($8, phone), updated_at = now() WHERE id = $1`,
      [id, dto.name ?? null, dto.role ?? null, dto.employedFrom ?? null, dto.employedTo !== undefined, dto.employedTo ?? null,
        dto.fte === undefined ? null : Math.round(dto.fte * 100), dto.phone ?? null],
    );
    const after = await this.get(id);
    await this.audit.record({ action: 'staff.update', entityType: 'staff', entityId: id, before: { ...before, trainings: undefined, certificates: undefined }, after: { ...after, trainings: undefined, certificates: undefined } });
    return after;
  }

  private checkEmployment(from: string, to: string | null | undefined): void {
    if (to && dayNumber(to) <= dayNumber(from)) throw new UnprocessableEntityException(`employedTo ${to} must be after employedFrom ${from} (离职日期须晚于入职日期)`);
  }

  async addCertificate(staffId: string, dto: CertificateDto): Promise<StaffView> {
    await this.get(staffId);
    if (dayNumber(dto.expiresOn) <= dayNumber(dto.issuedOn)) {
      throw new UnprocessableEntityException(`expiresOn ${dto.expiresOn} must be after issuedOn ${dto.issuedOn} (到期日须晚于发证日)`);
    }
    const [row]: { id: string }[] = await refuseOn(
      this.sql,
      [UNIQUE_VIOLATION],
      () => this.sql.query(
        `INSERT INTO staff_certificate (facility_id, staff_id, type, number, level, issued_on, expires_on) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [this.facilityId(), staffId, dto.type, dto.number, dto.level ?? null, dto.issuedOn, dto.expiresOn],
      ),
      () => new ConflictException(`certificate ${dto.type} ${dto.number} is already recorded in this facility (证书已登记)`),
    );
    await this.audit.record({ action: 'staff.certificate', entityType: 'staff_certificate', entityId: row.id, after: { staffId, ...dto } });
    return this.get(staffId);
  }

  async addTraining(staffId: string, dto: TrainingDto): Promise<StaffView> {
    await this.get(staffId);
    const [row]: { id: string }[] = await this.sql.query(
      `INSERT INTO staff_training (facility_id, staff_id, course, completed_on, passed) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [this.facilityId(), staffId, dto.course, dto.completedOn, dto.passed],
    );
    await this.audit.record({ action: 'staff.training', entityType: 'staff_training', entityId: row.id, after: { staffId, ...dto } });
    return this.get(staffId);
  }

  async get(id: string): Promise<StaffView> {
    const [one] = await this.list(id);
    if (!one) throw new NotFoundException('staff member not found (员工不存在)');
    return one;
  }

  /** Staff with trainings and certificates (three queries, whatever the number of staff). */
  async list(id?: string): Promise<StaffView[]> {
    return loadStaff(this.sql, id);
  }

  /**
   * GET compliance/staffing: the period's days and summary (docs/rules.md §6–§7), computed in one pass
   * over the facility's stays, assessments and staff (no query per day); for day centers and
   * street centers also the minimum of 3 staff on the roster (docs/rules.md §2).
   */
  async staffing(from: string, to: string) {
    const span = dayNumber(to) - dayNumber(from);
    if (span <= 0) throw new UnprocessableEntityException(`to ${to} must be after from ${from} (结束日期须晚于开始日期)`);
    if (span > 366) throw new UnprocessableEntityException(`at most 366 days at a time (最多366天), asked ${span}`);
    const facilityId = this.facilityId();
    const [facility]: { type: string }[] = await this.sql.query(`SELECT type FROM facility WHERE id = $1`, [facilityId]);
    const period = await computeStaffing(this.sql, from, to);
    const dayCare = facility.type !== 'CARE_HOME';
    return {
      from,
      to,
      days: period.days.map((d) => ({
        date: d.date,
        residentsByLevel: d.residentsByLevel,
        unassessed: d.unassessed,
        required: d.required,
        counted: d.countedHundredths / 100,
        compliant: d.compliant,
        excluded: d.excluded.map((e) => ({ ...e, reasonLabel: EXCLUSION_REASON_LABELS[e.reason] })),
        staffOnRoster: d.staffOnRoster,
        ...(dayCare ? { dayCenterMinimumMet: d.staffOnRoster >= DAY_CENTER_MIN_STAFF } : {}),
      })),
      summary: {
        ...period.summary,
        worstDay: period.summary.worstDay && { ...period.summary.worstDay, counted: period.summary.worstDay.countedHundredths / 100 },
        ...(dayCare
          ? { dayCenterMinimum: { required: DAY_CENTER_MIN_STAFF, daysMet: period.days.filter((d) => d.staffOnRoster >= DAY_CENTER_MIN_STAFF).length } }
          : {}),
      },
    };
  }

  alerts() {
    return this.sql.query(`SELECT id, day::text AS day, kind, detail, created_at AS "createdAt" FROM compliance_alert ORDER BY day DESC, created_at DESC LIMIT 100`);
  }

  today(): string {
    return calendarDate(new Date());
  }
}

/** The facility's staff with trainings and certificates, in the tenant scope of `sql`. */
export async function loadStaff(sql: EntityManager, id?: string): Promise<StaffView[]> {
  const staff: Record<string, unknown>[] = await sql.query(
    `SELECT id, name, role, employed_from::text AS employed_from, employed_to::text AS employed_to, fte_hundredths, phone
     FROM staff WHERE ($1::uuid IS NULL OR id = $1) ORDER BY name`,
    [id ?? null],
  );
  const trainings: Record<string, string & boolean>[] = await sql.query(
    `SELECT id, staff_id, course, completed_on::text AS completed_on, passed FROM staff_training WHERE ($1::uuid IS NULL OR staff_id = $1) ORDER BY completed_on`,
    [id ?? null],
  );
  const certificates: Record<string, string>[] = await sql.query(
    `SELECT id, staff_id, type, number, level, issued_on::text AS issued_on, expires_on::text AS expires_on FROM staff_certificate
     WHERE ($1::uuid IS NULL OR staff_id = $1) ORDER BY issued_on`,
    [id ?? null],
  );
  return staff.map((s) => ({
    id: s['id'] as string,
    name: s['name'] as string,
    role: s['role'] as StaffView['role'],
    employedFrom: s['employed_from'] as string,
    employedTo: (s['employed_to'] as string | null) ?? null,
    fte: (s['fte_hundredths'] as number) / 100,
    phone: (s['phone'] as string | null) ?? null,
    trainings: trainings.filter((t) => t['staff_id'] === s['id']).map((t) => ({ id: t['id'], course: t['course'], completedOn: t['completed_on'], passed: t['passed'] })),
    certificates: certificates.filter((c) => c['staff_id'] === s['id']).map((c) => ({
      id: c['id'], type: c['type'], number: c['number'], level: c['level'] ?? null, issuedOn: c['issued_on'], expiresOn: c['expires_on'],
    })),
  }));
}

/** Loads the period's facts in four queries and runs libs/care's staffingPeriod over them. */
export async function computeStaffing(sql: EntityManager, from: string, to: string): Promise<StaffingPeriod> {
  const stays: { resident_id: string; lower: string; upper: string | null }[] = await sql.query(
    `SELECT resident_id, lower(period)::text AS lower, upper(period)::text AS upper FROM stay WHERE period && daterange($1::date, $2::date)`,
    [from, to],
  );
  const assessments: { resident_id: string; effective_on: string; care_level: string; seq: string }[] = await sql.query(
    `SELECT a.resident_id, a.effective_on::text AS effective_on, a.care_level, a.seq FROM assessment a
     WHERE a.effective_on < $2::date AND a.resident_id IN (SELECT resident_id FROM stay WHERE period && daterange($1::date, $2::date))`,
    [from, to],
  );
  const byResident = new Map<string, { stays: { from: string; to: string | null }[]; assessments: { effectiveOn: string; careLevel: never; recordedSeq: number }[] }>();
  for (const s of stays) {
    const r = byResident.get(s.resident_id) ?? { stays: [], assessments: [] };
    r.stays.push({ from: s.lower, to: s.upper });
    byResident.set(s.resident_id, r);
  }
  for (const a of assessments) {
    byResident.get(a.resident_id)?.assessments.push({ effectiveOn: a.effective_on, careLevel: a.care_level as never, recordedSeq: Number(a.seq) });
  }
  const staff = (await loadStaff(sql)).map<StaffOnRecord>((s) => ({
    id: s.id,
    role: s.role,
    employedFrom: s.employedFrom,
    employedTo: s.employedTo,
    fteHundredths: Math.round(s.fte * 100),
    trainings: s.trainings,
    certificates: s.certificates,
  }));
  return staffingPeriod([...byResident.values()], staff, from, to);
}
