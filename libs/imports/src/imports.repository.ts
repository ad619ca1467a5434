import { Injectable } from '@nestjs/common';
import { TenantDb } from '@careops/db';

/** A bed named in a residents file, as it stands from the admission date on. */
export interface BedFrom {
  code: string;
  day: string;
  bedId: string | null;
  /** The first stay on the bed overlapping [day, ∞), from its start. */
  takenFrom: string | null;
  outOfService: boolean;
}

export interface NewResident {
  id: string;
  name: string;
  gender: 'M' | 'F';
  dateOfBirth: string;
  cipher: string;
  keyVersion: number;
  hmac: string;
  masked: string;
  hukou: string | null;
  phone: string | null;
  categories: string[];
}

export interface NewAdmission {
  admissionId: string;
  residentId: string;
  bedId: string;
  admittedOn: string;
  careLevel: string | null;
}

export interface NewStaff {
  id: string;
  name: string;
  role: string;
  employedFrom: string;
  fteHundredths: number;
  phone: string | null;
  certificate: { type: string; number: string; issuedOn: string; expiresOn: string } | null;
}

/**
 * Set-based reads and writes of an import (docs/api.md "Import"): one statement per table whatever the
 * number of rows, in the request's transaction; the constraints of each table still hold.
 */
@Injectable()
export class ImportsRepository {
  constructor(private readonly db: TenantDb) {}

  async existingBedCodes(codes: string[]): Promise<Set<string>> {
    const rows: { code: string }[] = await this.db.sql.query(`SELECT code FROM bed WHERE code = ANY($1::text[])`, [codes]);
    return new Set(rows.map((r) => r.code));
  }

  bedsFrom(wanted: { code: string; day: string }[]): Promise<BedFrom[]> {
    return this.db.sql.query(
      `SELECT x.code, x.day::text AS day, b.id AS "bedId",
              (SELECT lower(s.period)::text FROM stay s WHERE s.bed_id = b.id AND s.period && daterange(x.day, NULL)
                ORDER BY lower(s.period) LIMIT 1) AS "takenFrom",
              EXISTS (SELECT 1 FROM bed_outage o WHERE o.bed_id = b.id AND o.period && daterange(x.day, NULL)) AS "outOfService"
         FROM jsonb_to_recordset($1::jsonb) AS x(code text, day date)
         LEFT JOIN bed b ON b.code = x.code`,
      [JSON.stringify(wanted)],
    );
  }

  /** Which of these keyed hashes (base64) belong to a resident already registered here. */
  async registeredIdHashes(hmacs: string[]): Promise<Set<string>> {
    const rows: { hmac: string }[] = await this.db.sql.query(
      `SELECT encode(id_hmac, 'base64') AS hmac FROM resident WHERE id_hmac = ANY(SELECT decode(h, 'base64') FROM unnest($1::text[]) AS h)`,
      [hmacs],
    );
    return new Set(rows.map((r) => r.hmac));
  }

  async existingCertificates(certs: { type: string; number: string }[]): Promise<Set<string>> {
    const rows: { type: string; number: string }[] = await this.db.sql.query(
      `SELECT c.type, c.number FROM staff_certificate c
         JOIN jsonb_to_recordset($1::jsonb) AS x(type text, number text) ON x.type = c.type AND x.number = c.number`,
      [JSON.stringify(certs)],
    );
    return new Set(rows.map((r) => `${r.type}\u0000${r.number}`));
  }

  /** Rooms that are new are added (a room is its building, floor and number), then the beds. */
  async insertBeds(beds: { building: string; floor: number; room: string; code: string; kind: string }[]): Promise<{ rooms: number }> {
    const json = JSON.stringify(beds);
    const rooms: unknown[] = await this.db.sql.query(
      `INSERT INTO room (facility_id, building, floor, number)
       SELECT DISTINCT $1::uuid, x.building, x.floor, x.room FROM jsonb_to_recordset($2::jsonb) AS x(building text, floor int, room text)
       ON CONFLICT ON CONSTRAINT room_number_key DO NOTHING
       RETURNING id`,
      [this.db.facilityId(), json],
    );
    await this.db.sql.query(
      `INSERT INTO bed (facility_id, room_id, code, kind)
       SELECT $1::uuid, r.id, x.code, x.kind
         FROM jsonb_to_recordset($2::jsonb) AS x(building text, floor int, room text, code text, kind text)
         JOIN room r ON r.building = x.building AND r.floor = x.floor AND r.number = x.room`,
      [this.db.facilityId(), json],
    );
    return { rooms: rooms.length };
  }

  async insertResidents(residents: NewResident[], admissions: NewAdmission[], assessor: string): Promise<void> {
    const facilityId = this.db.facilityId();
    await this.db.sql.query(
      `INSERT INTO resident (id, facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked, hukou, phone, categories)
       SELECT x.id, $1::uuid, x.name, x.gender, x."dateOfBirth", decode(x.cipher, 'base64'), x."keyVersion", decode(x.hmac, 'base64'),
              x.masked, x.hukou, x.phone, x.categories
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, name text, gender text, "dateOfBirth" date, cipher text, "keyVersion" int,
              hmac text, masked text, hukou text, phone text, categories text[])`,
      [facilityId, JSON.stringify(residents)],
    );
    if (admissions.length === 0) return;
    const json = JSON.stringify(admissions);
    const spec = `x("admissionId" uuid, "residentId" uuid, "bedId" uuid, "admittedOn" date, "careLevel" text)`;
    await this.db.sql.query(
      `INSERT INTO admission (id, facility_id, resident_id, period)
       SELECT x."admissionId", $1::uuid, x."residentId", daterange(x."admittedOn", NULL) FROM jsonb_to_recordset($2::jsonb) AS ${spec}`,
      [facilityId, json],
    );
    await this.db.sql.query(
      `INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period)
       SELECT $1::uuid, x."admissionId", x."residentId", x."bedId", daterange(x."admittedOn", NULL) FROM jsonb_to_recordset($2::jsonb) AS ${spec}`,
      [facilityId, json],
    );
    // As an admission with a level records it (docs/rules.md §4): an assessment effective that day.
    await this.db.sql.query(
      `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, assessor, notes)
       SELECT $1::uuid, x."residentId", x."admittedOn", x."careLevel", $3, '导入时记录'
         FROM jsonb_to_recordset($2::jsonb) AS ${spec} WHERE x."careLevel" IS NOT NULL`,
      [facilityId, json, assessor],
    );
  }

  async insertStaff(staff: NewStaff[]): Promise<void> {
    const facilityId = this.db.facilityId();
    await this.db.sql.query(
      `INSERT INTO staff (id, facility_id, name, role, employed_from, fte_hundredths, phone)
       SELECT x.id, $1::uuid, x.name, x.role, x."employedFrom", x."fteHundredths", x.phone
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, name text, role text, "employedFrom" date, "fteHundredths" int, phone text)`,
      [facilityId, JSON.stringify(staff)],
    );
    const certs = staff.filter((s) => s.certificate).map((s) => ({ staffId: s.id, ...s.certificate }));
    if (certs.length === 0) return;
    await this.db.sql.query(
      `INSERT INTO staff_certificate (facility_id, staff_id, type, number, issued_on, expires_on)
       SELECT $1::uuid, x."staffId", x.type, x.number, x."issuedOn", x."expiresOn"
         FROM jsonb_to_recordset($2::jsonb) AS x("staffId" uuid, type text, number text, "issuedOn" date, "expiresOn" date)`,
      [facilityId, JSON.stringify(certs)],
    );
  }
}
