import { Injectable } from '@nestjs/common';
import type { CareLevel } from '@careops/care';
import { refuseOn, TenantDb, UNIQUE_VIOLATION } from '@careops/db';
import { Resident } from './resident.entity';
import { IdNumberTakenError } from './residents.errors';

export interface RegisterFilter {
  q?: string;
  status?: 'IN_CARE' | 'ON_LEAVE' | 'DISCHARGED' | 'ALL';
  level?: string;
  category?: string;
  /** Only these residents. */
  ids?: string[];
}

export interface RegisterRow {
  id: string;
  name: string;
  gender: 'M' | 'F';
  dateOfBirth: string;
  idMasked: string;
  categories: string[];
  bed: string | null;
  careLevel: CareLevel | null;
  status: 'IN_CARE' | 'ON_LEAVE' | 'DISCHARGED' | 'REGISTERED';
  admittedOn: string | null;
  dischargedOn: string | null;
  dischargeReason: string | null;
  admissions: number;
}

/** The resident table, through the request's transaction (RLS: the caller's facility only). */
@Injectable()
export class ResidentsRepository {
  constructor(private readonly db: TenantDb) {}

  private get residents() {
    return this.db.sql.getRepository(Resident);
  }

  /** A new resident (the entity's id is set once inserted); a clash of ID numbers names the one registered. */
  build(fields: Omit<Resident, 'id' | 'createdAt' | 'updatedAt'>): Resident {
    return this.residents.create(fields);
  }

  async insert(resident: Resident, today: string): Promise<void> {
    await this.refusingTakenIdNumber(() => this.residents.insert(resident), resident.idHmac, today);
  }

  /**
   * The register 老人档案 on `today`: each resident with the admission that covers today (else the
   * latest begun, else the next), its bed and state, the level in force; filtered and paged, by name.
   * `q` matches the name, the pinyin initials, a bed code, or the ID number's last characters.
   */
  async register(
    today: string,
    f: RegisterFilter,
    page: { offset: number; limit: number | null },
  ): Promise<{ rows: RegisterRow[]; total: number }> {
    const q = f.q?.trim() || null;
    const rows: (RegisterRow & { total: string })[] = await this.db.sql.query(
      `WITH a AS (
         SELECT DISTINCT ON (resident_id) resident_id, id, lower(period) AS admitted_on, upper(period) AS discharged_on, discharge_reason,
                count(*) OVER (PARTITION BY resident_id) AS admissions
         FROM admission
         ORDER BY resident_id, (period @> $1::date) DESC, (lower(period) <= $1::date) DESC,
                  CASE WHEN lower(period) <= $1::date THEN lower(period) END DESC, lower(period)
       ), reg AS (
         SELECT r.id, r.name, r.gender, r.date_of_birth, r.id_masked, r.categories, r.name_initials,
                a.admitted_on, a.discharged_on, a.discharge_reason, coalesce(a.admissions, 0) AS admissions,
                (SELECT b.code FROM stay s JOIN bed b ON b.id = s.bed_id WHERE s.admission_id = a.id AND s.period @> $1::date LIMIT 1) AS bed,
                careops_care_level_on(r.id, $1::date) AS care_level,
                CASE WHEN a.id IS NULL OR a.admitted_on > $1::date THEN 'REGISTERED'
                     WHEN a.discharged_on IS NOT NULL AND a.discharged_on <= $1::date THEN 'DISCHARGED'
                     WHEN EXISTS (SELECT 1 FROM leave l WHERE l.admission_id = a.id AND l.period @> $1::date) THEN 'ON_LEAVE'
                     ELSE 'IN_CARE' END AS status
         FROM resident r LEFT JOIN a ON a.resident_id = r.id
       )
       SELECT id, name, gender, date_of_birth::text AS "dateOfBirth", id_masked AS "idMasked", categories, bed,
              care_level AS "careLevel", status, admitted_on::text AS "admittedOn", discharged_on::text AS "dischargedOn",
              discharge_reason AS "dischargeReason", admissions::int AS admissions, count(*) OVER () AS total
       FROM reg
       WHERE ($2::text IS NULL OR name ILIKE '%' || $2 || '%' OR name_initials LIKE lower($2) || '%'
              OR upper(bed) = upper($2) OR ($2 ~ '^[0-9Xx]{1,4}$' AND right(id_masked, length($2)) = upper($2)))
         AND ($3::text = 'ALL' OR status = $3)
         AND ($4::text IS NULL OR care_level = $4)
         AND ($5::text IS NULL OR $5 = ANY(categories))
         AND ($8::uuid[] IS NULL OR id = ANY($8::uuid[]))
       ORDER BY name, id
       OFFSET $6 LIMIT $7`,
      [today, q, f.status ?? 'ALL', f.level ?? null, f.category ?? null, page.offset, page.limit, f.ids ?? null],
    );
    return { rows: rows.map(({ total: _t, ...r }) => r), total: rows.length ? Number(rows[0].total) : 0 };
  }

  /** Every resident, by name. */
  listByName(): Promise<Resident[]> {
    return this.residents.find({ order: { name: 'ASC' } });
  }

  /** One resident; with `cipher`, its encrypted ID number and key version too (to reveal or re-check it). */
  findById(id: string, cipher = false): Promise<Resident | null> {
    const query = this.residents.createQueryBuilder('r').where('r.id = :id', { id });
    if (cipher) query.addSelect(['r.idCipher', 'r.idKeyVersion']);
    return query.getOne();
  }

  /** Writes the given fields (an ID number's clash named as on insert). */
  async update(id: string, changes: Partial<Resident>, today: string): Promise<void> {
    await this.refusingTakenIdNumber(
      () => this.residents.update({ id }, { ...changes, updatedAt: () => 'now()' } as never),
      changes.idHmac ?? Buffer.alloc(0),
      today,
    );
  }

  /**
   * Runs a write; a unique-key clash becomes 409 naming the resident already registered with `hmac`
   * and their state on `today`, so that the caller can offer re-admission (docs/rules.md §4).
   */
  private async refusingTakenIdNumber(write: () => Promise<unknown>, hmac: Buffer, today: string): Promise<void> {
    await refuseOn(this.db.sql, [UNIQUE_VIOLATION], write, async () => {
      const existing = await this.residents.createQueryBuilder('r').select(['r.id', 'r.name']).where('r.idHmac = :hmac', { hmac }).getOne();
      const [row] = existing ? (await this.register(today, { ids: [existing.id] }, { offset: 0, limit: 1 })).rows : [];
      return new IdNumberTakenError({ name: `${existing?.name}`, residentId: `${existing?.id}`, status: row?.status ?? 'REGISTERED' });
    });
  }
}
