import { Injectable } from '@nestjs/common';
import type { StaffRole } from '@careops/care';
import { refuseOn, TenantDb, UNIQUE_VIOLATION } from '@careops/db';
import { ConflictError } from '@careops/platform';
import type { CertificateDto, CreateStaffDto, TrainingDto, UpdateStaffDto } from './dto/staff.dto';

/** A staff member with trainings and certificates, as the API answers and staffing counts them. */
export interface StaffView {
  id: string;
  name: string;
  role: StaffRole;
  employedFrom: string;
  employedTo: string | null;
  fte: number;
  phone: string | null;
  trainings: { id: string; course: string; completedOn: string; passed: boolean }[];
  certificates: { id: string; type: string; number: string; level: string | null; issuedOn: string; expiresOn: string }[];
}

/** The same certificate (type and number) twice in one facility. */
export class CertificateDuplicateError extends ConflictError {
  constructor(p: { type: string; number: string }) {
    super('CERTIFICATE_DUPLICATE', p);
  }
}

interface StaffRow {
  id: string;
  name: string;
  role: StaffRole;
  employed_from: string;
  employed_to: string | null;
  fte_hundredths: number;
  phone: string | null;
}
interface TrainingRow {
  id: string;
  staff_id: string;
  course: string;
  completed_on: string;
  passed: boolean;
}
interface CertificateRow {
  id: string;
  staff_id: string;
  type: string;
  number: string;
  level: string | null;
  issued_on: string;
  expires_on: string;
}

/** FTE is stored in hundredths (docs/rules.md §6: a half-time caregiver counts 0.5). */
const hundredths = (fte: number) => Math.round(fte * 100);

/** Staff, their trainings and certificates, in the request's tenant scope. */
@Injectable()
export class StaffRepository {
  constructor(private readonly db: TenantDb) {}

  async insert(dto: CreateStaffDto): Promise<string> {
    const [row]: { id: string }[] = await this.db.sql.query(
      `INSERT INTO staff (facility_id, name, role, employed_from, employed_to, fte_hundredths, phone) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [this.db.facilityId(), dto.name, dto.role, dto.employedFrom, dto.employedTo ?? null, hundredths(dto.fte), dto.phone ?? null],
    );
    return row.id;
  }

  /** Changes the fields given; `employedTo: null` clears it, an absent field keeps its value. */
  async update(id: string, dto: UpdateStaffDto): Promise<void> {
    await this.db.sql.query(
      `UPDATE staff SET name = coalesce($2, name), role = coalesce($3, role), employed_from = coalesce($4, employed_from),
         employed_to = CASE WHEN $5::boolean THEN $6::date ELSE employed_to END, fte_hundredths = coalesce($7, fte_hundredths),
         phone = coalesce($8, phone), updated_at = now() WHERE id = $1`,
      [
        id,
        dto.name ?? null,
        dto.role ?? null,
        dto.employedFrom ?? null,
        dto.employedTo !== undefined,
        dto.employedTo ?? null,
        dto.fte === undefined ? null : hundredths(dto.fte),
        dto.phone ?? null,
      ],
    );
  }

  /** Throws CertificateDuplicateError when the facility already has this type and number. */
  async insertCertificate(staffId: string, dto: CertificateDto): Promise<string> {
    const [row]: { id: string }[] = await refuseOn(
      this.db.sql,
      [UNIQUE_VIOLATION],
      () =>
        this.db.sql.query(
          `INSERT INTO staff_certificate (facility_id, staff_id, type, number, level, issued_on, expires_on) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [this.db.facilityId(), staffId, dto.type, dto.number, dto.level ?? null, dto.issuedOn, dto.expiresOn],
        ),
      () => new CertificateDuplicateError({ type: dto.type, number: dto.number }),
    );
    return row.id;
  }

  async insertTraining(staffId: string, dto: TrainingDto): Promise<string> {
    const [row]: { id: string }[] = await this.db.sql.query(
      `INSERT INTO staff_training (facility_id, staff_id, course, completed_on, passed) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [this.db.facilityId(), staffId, dto.course, dto.completedOn, dto.passed],
    );
    return row.id;
  }

  /** The facility's staff (or the one `id`) by name, with trainings and certificates: three queries, whatever the number of staff. */
  async list(id?: string): Promise<StaffView[]> {
    const staff: StaffRow[] = await this.db.sql.query(
      `SELECT id, name, role, employed_from::text AS employed_from, employed_to::text AS employed_to, fte_hundredths, phone
       FROM staff WHERE ($1::uuid IS NULL OR id = $1) ORDER BY name`,
      [id ?? null],
    );
    const trainings: TrainingRow[] = await this.db.sql.query(
      `SELECT id, staff_id, course, completed_on::text AS completed_on, passed FROM staff_training WHERE ($1::uuid IS NULL OR staff_id = $1) ORDER BY completed_on`,
      [id ?? null],
    );
    const certificates: CertificateRow[] = await this.db.sql.query(
      `SELECT id, staff_id, type, number, level, issued_on::text AS issued_on, expires_on::text AS expires_on FROM staff_certificate
       WHERE ($1::uuid IS NULL OR staff_id = $1) ORDER BY issued_on`,
      [id ?? null],
    );
    return staff.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      employedFrom: s.employed_from,
      employedTo: s.employed_to ?? null,
      fte: s.fte_hundredths / 100,
      phone: s.phone ?? null,
      trainings: trainings
        .filter((t) => t.staff_id === s.id)
        .map((t) => ({ id: t.id, course: t.course, completedOn: t.completed_on, passed: t.passed })),
      certificates: certificates
        .filter((c) => c.staff_id === s.id)
        .map((c) => ({
          id: c.id,
          type: c.type,
          number: c.number,
          level: c.level ?? null,
          issuedOn: c.issued_on,
          expiresOn: c.expires_on,
        })),
    }));
  }
}
