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
  /** Built by the query in the view's shape. */
  trainings: StaffView['trainings'];
  certificates: StaffView['certificates'];
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

  /** Changes the fields given; `employedTo: null` and `phone: null` clear them, an absent field keeps its value. */
  async update(id: string, dto: UpdateStaffDto): Promise<void> {
    await this.db.sql.query(
      `UPDATE staff SET name = coalesce($2, name), role = coalesce($3, role), employed_from = coalesce($4, employed_from),
         employed_to = CASE WHEN $5::boolean THEN $6::date ELSE employed_to END, fte_hundredths = coalesce($7, fte_hundredths),
         phone = CASE WHEN $9::boolean THEN $8 ELSE phone END, updated_at = now() WHERE id = $1`,
      [
        id,
        dto.name ?? null,
        dto.role ?? null,
        dto.employedFrom ?? null,
        dto.employedTo !== undefined,
        dto.employedTo ?? null,
        dto.fte === undefined ? null : hundredths(dto.fte),
        dto.phone ?? null,
        dto.phone !== undefined,
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

  /** Corrects a certificate; false when the staff member has no such certificate (a duplicate: CertificateDuplicateError). */
  async updateCertificate(staffId: string, id: string, dto: CertificateDto): Promise<boolean> {
    const rows: unknown[] = await refuseOn(
      this.db.sql,
      [UNIQUE_VIOLATION],
      () =>
        this.db.sql.query(
          `WITH u AS (UPDATE staff_certificate SET type = $3, number = $4, level = $5, issued_on = $6, expires_on = $7
                      WHERE staff_id = $1 AND id = $2 RETURNING id) SELECT id FROM u`,
          [staffId, id, dto.type, dto.number, dto.level ?? null, dto.issuedOn, dto.expiresOn],
        ),
      () => new CertificateDuplicateError({ type: dto.type, number: dto.number }),
    );
    return rows.length > 0;
  }

  /** Removes a wrongly entered certificate; false when the staff member has no such certificate. */
  async deleteCertificate(staffId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.sql.query(
      `WITH d AS (DELETE FROM staff_certificate WHERE staff_id = $1 AND id = $2 RETURNING id) SELECT id FROM d`,
      [staffId, id],
    );
    return rows.length > 0;
  }

  /** Corrects a training's fields; false when the staff member has no such training. */
  async updateTraining(staffId: string, id: string, dto: TrainingDto): Promise<boolean> {
    const rows: unknown[] = await this.db.sql.query(
      `WITH u AS (UPDATE staff_training SET course = $3, completed_on = $4, passed = $5 WHERE staff_id = $1 AND id = $2 RETURNING id)
       SELECT id FROM u`,
      [staffId, id, dto.course, dto.completedOn, dto.passed],
    );
    return rows.length > 0;
  }

  /** Removes a wrongly entered training; false when the staff member has no such training. */
  async deleteTraining(staffId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.sql.query(
      `WITH d AS (DELETE FROM staff_training WHERE staff_id = $1 AND id = $2 RETURNING id) SELECT id FROM d`,
      [staffId, id],
    );
    return rows.length > 0;
  }

  /**
   * The facility's staff (or the one `id`) by name, with trainings and certificates: one query,
   * whatever the number of staff (each child table aggregated once, then joined).
   */
  async list(id?: string): Promise<StaffView[]> {
    const rows: StaffRow[] = await this.db.sql.query(
      `WITH t AS (SELECT staff_id, json_agg(json_build_object('id', id, 'course', course, 'completedOn', completed_on::text, 'passed', passed)
                                   ORDER BY completed_on) AS trainings
                  FROM staff_training WHERE ($1::uuid IS NULL OR staff_id = $1) GROUP BY staff_id),
            c AS (SELECT staff_id, json_agg(json_build_object('id', id, 'type', type, 'number', number, 'level', level,
                                                              'issuedOn', issued_on::text, 'expiresOn', expires_on::text)
                                   ORDER BY issued_on) AS certificates
                  FROM staff_certificate WHERE ($1::uuid IS NULL OR staff_id = $1) GROUP BY staff_id)
       SELECT s.id, s.name, s.role, s.employed_from::text AS employed_from, s.employed_to::text AS employed_to, s.fte_hundredths, s.phone,
              coalesce(t.trainings, '[]') AS trainings, coalesce(c.certificates, '[]') AS certificates
       FROM staff s LEFT JOIN t ON t.staff_id = s.id LEFT JOIN c ON c.staff_id = s.id
       WHERE ($1::uuid IS NULL OR s.id = $1) ORDER BY s.name`,
      [id ?? null],
    );
    return rows.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      employedFrom: s.employed_from,
      employedTo: s.employed_to ?? null,
      fte: s.fte_hundredths / 100,
      phone: s.phone ?? null,
      trainings: s.trainings,
      certificates: s.certificates,
    }));
  }
}
