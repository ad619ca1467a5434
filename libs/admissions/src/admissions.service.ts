import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { dayNumber } from '@careops/care';
import { AuditService } from '@careops/audit';
import { EXCLUSION_VIOLATION, refuseOn, type RequestContext, FacilityScoped } from '@careops/db';
import { ResidentsService } from '@careops/residents';
import { CreateAdmissionDto, DischargeDto, LeaveDto, TransferDto } from './dto/admission.dto';

export interface StayView {
  bedId: string;
  bedCode: string;
  from: string;
  to: string | null;
}

export interface AdmissionView {
  id: string;
  residentId: string;
  admittedOn: string;
  dischargedOn: string | null;
  dischargeReason: string | null;
  stays: StayView[];
  leaves: { id: string; kind: string; from: string; to: string; reason: string }[];
}


/** 入住, 转床, 请假, 退住 as dated intervals [from, to) (docs/rules.md §3); the database forbids overlaps. */
@Injectable()
export class AdmissionsService extends FacilityScoped {
  constructor(
    txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    cls: ClsService<RequestContext>,
    private readonly audit: AuditService,
    private readonly residents: ResidentsService,
  ) {
    super(txHost, cls);
  }



  async admit(dto: CreateAdmissionDto): Promise<AdmissionView> {
    const [resident]: { name: string }[] = await this.sql.query(`SELECT name FROM resident WHERE id = $1`, [dto.residentId]);
    if (!resident) throw new UnprocessableEntityException(`residentId ${dto.residentId}: no such resident in this facility (老人不存在)`);
    // Served at home or living in, not both on one day (one subsidy per person and day; a trigger backs this).
    const [atHome]: { from: string }[] = await this.sql.query(
      `SELECT lower(period)::text AS "from" FROM home_care_bed WHERE resident_id = $1 AND period && daterange($2, NULL)`, [dto.residentId, dto.admittedOn]);
    if (atHome) {
      throw new ConflictException(`${resident.name} has a home-care bed from ${atHome.from}; end it before admitting (该老人有家庭养老床位，请先撤床)`);
    }
    const bed = await this.bedInServiceFrom(dto.bedId, dto.admittedOn);
    const admission = await this.guard(
      async () => {
        const [row]: { id: string }[] = await this.sql.query(
          `INSERT INTO admission (facility_id, resident_id, period) VALUES ($1, $2, daterange($3, NULL)) RETURNING id`,
          [this.facilityId(), dto.residentId, dto.admittedOn],
        );
        await this.sql.query(
          `INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period) VALUES ($1, $2, $3, $4, daterange($5, NULL))`,
          [this.facilityId(), row.id, dto.residentId, bed.id, dto.admittedOn],
        );
        return row;
      },
      { bedId: bed.id, bedCode: bed.code, residentId: dto.residentId, residentName: resident.name, from: dto.admittedOn },
    );
    if (dto.careLevel) {
      await this.residents.recordAssessment(dto.residentId, {
        careLevel: dto.careLevel, grade: null, effectiveOn: dto.admittedOn, assessor: this.actor(), notes: '入住时记录',
      }, { audited: false });
    }
    const view: AdmissionView = {
      id: admission.id, residentId: dto.residentId, admittedOn: dto.admittedOn, dischargedOn: null, dischargeReason: null,
      stays: [{ bedId: bed.id, bedCode: bed.code, from: dto.admittedOn, to: null }], leaves: [],
    };
    // One row for the whole admission, its stay and the level recorded with it.
    await this.audit.record({ action: 'admission.create', entityType: 'admission', entityId: admission.id, after: { ...dto } });
    return view;
  }

  async transfer(admissionId: string, dto: TransferDto): Promise<AdmissionView> {
    const current = await this.get(admissionId);
    const stay = current.stays.find((s) => dayNumber(s.from) <= dayNumber(dto.on) && (s.to === null || dayNumber(dto.on) < dayNumber(s.to)));
    if (!stay) throw new UnprocessableEntityException(`transfer date ${dto.on} is outside the stay (转床日期不在入住期间内)`);
    if (stay.from === dto.on) throw new UnprocessableEntityException(`transfer date ${dto.on} is the day this bed stay began; choose a later day`);
    if (stay.bedId === dto.bedId) throw new UnprocessableEntityException('the resident is already in this bed (已在该床位)');
    const bed = await this.bedInServiceFrom(dto.bedId, dto.on, stay.to);
    // One transaction: the old stay ends on `on`, the new one begins on `on`.
    await this.sql.query(`UPDATE stay SET period = daterange(lower(period), $3) WHERE admission_id = $1 AND lower(period) = $2`, [
      admissionId, stay.from, dto.on,
    ]);
    const residentName = (await this.residents.get(current.residentId)).name;
    await this.openStay(admissionId, current.residentId, bed, dto.on, stay.to, residentName);
    const after = await this.get(admissionId);
    await this.audit.record({ action: 'admission.transfer', entityType: 'admission', entityId: admissionId, before: { bedId: stay.bedId }, after: { bedId: dto.bedId, on: dto.on } });
    return after;
  }

  async discharge(admissionId: string, dto: DischargeDto): Promise<AdmissionView> {
    const current = await this.get(admissionId);
    if (current.dischargedOn) throw new ConflictException(`already discharged on ${current.dischargedOn} (已退住)`);
    if (dayNumber(dto.dischargedOn) <= dayNumber(current.admittedOn)) {
      throw new UnprocessableEntityException(
        `discharge before admission: ${dto.dischargedOn} is not after the admission on ${current.admittedOn} (退住日期须晚于入住日期)`,
      );
    }
    const last = current.stays[current.stays.length - 1];
    if (dayNumber(dto.dischargedOn) <= dayNumber(last.from)) {
      throw new UnprocessableEntityException(`discharge on ${dto.dischargedOn} is not after the last transfer on ${last.from} (退住日期须晚于最近一次转床)`);
    }
    const late = current.leaves.find((l) => dayNumber(l.to) > dayNumber(dto.dischargedOn));
    if (late) throw new UnprocessableEntityException(`a leave ${late.from}–${late.to} extends past the discharge (请假期间超出退住日期)`);
    await this.sql.query(`UPDATE admission SET period = daterange(lower(period), $2), discharge_reason = $3 WHERE id = $1`, [
      admissionId, dto.dischargedOn, dto.reason,
    ]);
    await this.sql.query(`UPDATE stay SET period = daterange(lower(period), $2) WHERE admission_id = $1 AND upper_inf(period)`, [admissionId, dto.dischargedOn]);
    const after = await this.get(admissionId);
    await this.audit.record({ action: 'admission.discharge', entityType: 'admission', entityId: admissionId, after: { ...dto } });
    return after;
  }

  async leave(admissionId: string, dto: LeaveDto): Promise<AdmissionView> {
    const current = await this.get(admissionId);
    if (dayNumber(dto.to) <= dayNumber(dto.from)) throw new UnprocessableEntityException(`leave must end after it begins (${dto.from} – ${dto.to})`);
    const end = current.dischargedOn ? dayNumber(current.dischargedOn) : Infinity;
    if (dayNumber(dto.from) < dayNumber(current.admittedOn) || dayNumber(dto.to) > end) {
      throw new UnprocessableEntityException(
        `leave outside the stay: ${dto.from}–${dto.to} is not within ${current.admittedOn}–${current.dischargedOn ?? '(open)'} (请假须在入住期间内)`,
      );
    }
    await refuseOn(
      this.sql,
      [EXCLUSION_VIOLATION],
      () => this.sql.query(
        `INSERT INTO leave (facility_id, admission_id, resident_id, period, kind, reason) VALUES ($1, $2, $3, daterange($4, $5), $6, $7)`,
        [this.facilityId(), admissionId, current.residentId, dto.from, dto.to, dto.kind ?? 'LEAVE', dto.reason],
      ),
      () => new ConflictException(`the resident already has a leave overlapping ${dto.from}–${dto.to} (请假期间重叠)`),
    );
    const after = await this.get(admissionId);
    await this.audit.record({ action: 'admission.leave', entityType: 'admission', entityId: admissionId, after: { ...dto } });
    return after;
  }

  async get(id: string): Promise<AdmissionView> {
    const [a]: Record<string, string | null>[] = await this.sql.query(
      `SELECT id, resident_id, lower(period)::text AS admitted_on, upper(period)::text AS discharged_on, discharge_reason FROM admission WHERE id = $1`,
      [id],
    );
    if (!a) throw new NotFoundException('admission not found (入住记录不存在)');
    const stays: StayView[] = await this.sql.query(
      `SELECT s.bed_id AS "bedId", b.code AS "bedCode", lower(s.period)::text AS "from", upper(s.period)::text AS "to"
       FROM stay s JOIN bed b ON b.id = s.bed_id WHERE s.admission_id = $1 ORDER BY lower(s.period)`,
      [id],
    );
    const leaves = await this.sql.query(
      `SELECT id, kind, lower(period)::text AS "from", upper(period)::text AS "to", reason FROM leave WHERE admission_id = $1 ORDER BY lower(period)`,
      [id],
    );
    return {
      id: a['id'] as string,
      residentId: a['resident_id'] as string,
      admittedOn: a['admitted_on'] as string,
      dischargedOn: a['discharged_on'],
      dischargeReason: a['discharge_reason'],
      stays,
      leaves,
    };
  }

  list(residentId?: string): Promise<{ id: string; residentId: string; admittedOn: string; dischargedOn: string | null }[]> {
    return this.sql.query(
      `SELECT id, resident_id AS "residentId", lower(period)::text AS "admittedOn", upper(period)::text AS "dischargedOn"
       FROM admission WHERE ($1::uuid IS NULL OR resident_id = $1) ORDER BY lower(period) DESC`,
      [residentId ?? null],
    );
  }

  /** docs/rules.md §3: out-of-service beds take no one; refused with the rule named (422). */
  private async bedInServiceFrom(bedId: string, from: string, to: string | null = null): Promise<{ id: string; code: string }> {
    // Locked: a concurrent "out of service" on this bed waits for us (and we for it).
    const [bed]: { id: string; code: string }[] = await this.sql.query(`SELECT id, code FROM bed WHERE id = $1 FOR UPDATE`, [bedId]);
    if (!bed) throw new UnprocessableEntityException(`bedId ${bedId}: no such bed in this facility (床位不存在)`);
    const [outage]: { lower: string; upper: string | null; reason: string }[] = await this.sql.query(
      `SELECT lower(period)::text AS lower, upper(period)::text AS upper, reason FROM bed_outage
       WHERE bed_id = $1 AND period && daterange($2, $3) ORDER BY lower(period) LIMIT 1`,
      [bedId, from, to],
    );
    if (outage) {
      throw new UnprocessableEntityException(
        `bed ${bed.code} is out of service from ${outage.lower}${outage.upper ? ` to ${outage.upper}` : ''} (${outage.reason}): an out-of-service bed takes no resident (床位停用)`,
      );
    }
    return bed;
  }

  private async openStay(admissionId: string, residentId: string, bed: { id: string; code: string }, from: string, to: string | null, residentName: string) {
    await this.guard(
      () => this.sql.query(
        `INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period) VALUES ($1, $2, $3, $4, daterange($5, $6))`,
        [this.facilityId(), admissionId, residentId, bed.id, from, to],
      ),
      { bedId: bed.id, bedCode: bed.code, residentId, residentName, from, to },
    );
  }

  /**
   * Runs an insert; an exclusion violation (23P01) becomes 409 naming the bed (or the resident)
   * and the dates it clashes with.
   */
  /**
   * Runs an insert of an interval. Clashes are looked up first so the 409 names the bed (or the
   * resident) and the dates it clashes with; a clash that a concurrent request commits between
   * the look-up and the insert is still refused by the exclusion constraint (23P01), and named
   * with the dates asked for (the aborted transaction can run no further query).
   */
  private async guard<T>(
    write: () => Promise<T>,
    what: { bedId?: string; bedCode?: string; residentId: string; residentName: string; from: string; to?: string | null },
  ): Promise<T> {
    const [clash]: { bed_from: string | null; bed_to: string | null; res_from: string | null; res_to: string | null }[] = await this.sql.query(
      `SELECT (SELECT lower(period)::text FROM stay WHERE bed_id = $1 AND period && daterange($3::date, $4::date) ORDER BY lower(period) LIMIT 1) AS bed_from,
              (SELECT coalesce(upper(period)::text, '(open)') FROM stay WHERE bed_id = $1 AND period && daterange($3::date, $4::date) ORDER BY lower(period) LIMIT 1) AS bed_to,
              (SELECT lower(period)::text FROM stay WHERE resident_id = $2 AND period && daterange($3::date, $4::date) ORDER BY lower(period) LIMIT 1) AS res_from,
              (SELECT coalesce(upper(period)::text, '(open)') FROM stay WHERE resident_id = $2 AND period && daterange($3::date, $4::date) ORDER BY lower(period) LIMIT 1) AS res_to`,
      [what.bedId ?? null, what.residentId, what.from, what.to ?? null],
    );
    const asked = `${what.from}–${what.to ?? '(open)'}`;
    if (what.bedId && clash.bed_from) {
      throw new ConflictException(`bed ${what.bedCode} is taken from ${clash.bed_from} to ${clash.bed_to}, overlapping ${asked} (床位已被占用)`);
    }
    if (clash.res_from) {
      throw new ConflictException(`${what.residentName} is already in care from ${clash.res_from} to ${clash.res_to}, overlapping ${asked} (该老人在此期间已入住)`);
    }
    try {
      return await write();
    } catch (e) {
      const err = e as { code?: string; constraint?: string; driverError?: { constraint?: string } };
      if (err.code !== EXCLUSION_VIOLATION) throw e;
      const constraint = err.constraint ?? err.driverError?.constraint ?? '';
      if (constraint === 'resident_home_or_care') {
        throw new ConflictException(`${what.residentName} has a home-care bed on these days (该老人有家庭养老床位)`);
      }
      if (constraint.startsWith('stay_bed')) {
        throw new ConflictException(`bed ${what.bedCode} was taken by another admission at the same moment, overlapping ${asked} (床位已被占用)`);
      }
      throw new ConflictException(`${what.residentName} was admitted elsewhere at the same moment, overlapping ${asked} (该老人在此期间已入住)`);
    }
  }
}
