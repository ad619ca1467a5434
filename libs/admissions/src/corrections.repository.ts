import { Injectable } from '@nestjs/common';
import { TenantDb } from '@careops/db';

export type CorrectionKind = 'ADMISSION' | 'TRANSFER' | 'LEAVE' | 'DISCHARGE' | 'ASSESSMENT';

/** A void as kept (docs/rules.md §12): what was voided and what it said, why, who and when. */
export interface Correction {
  id: string;
  kind: CorrectionKind;
  entryId: string;
  residentId: string;
  detail: Record<string, unknown>;
  reason: string;
  voidedAt: string;
  voidedBy: string | null;
  voidedByName: string | null;
}

/** A bed stay in force with what a transfer's void needs to know of its neighbours. */
export interface StayEntry {
  id: string;
  admissionId: string;
  residentId: string;
  bedId: string;
  bedCode: string;
  from: string;
  to: string | null;
  /** The stay just before it in the admission (the bed a transfer left), if any. */
  previous: { id: string; bedId: string; bedCode: string; from: string } | null;
  /** The stay just after it, if any (a later transfer). */
  next: { bedCode: string; from: string } | null;
}

/**
 * Voids 撤销 (docs/rules.md §12). The tables admission, stay, leave and assessment are views of the
 * entries in force; a void sets `voided_at` on the entry (`*_entry`), which takes it out of every view
 * and frees what the exclusion constraints held; `correction` keeps the record of it.
 */
@Injectable()
export class CorrectionsRepository {
  constructor(private readonly db: TenantDb) {}

  private get sql() {
    return this.db.sql;
  }

  /** A stay in force, locked, with its neighbours in the admission. */
  async stay(id: string): Promise<StayEntry | undefined> {
    const [row]: StayEntry[] = await this.sql.query(
      `SELECT s.id, s.admission_id AS "admissionId", s.resident_id AS "residentId", s.bed_id AS "bedId", b.code AS "bedCode",
              lower(s.period)::text AS "from", upper(s.period)::text AS "to",
              (SELECT jsonb_build_object('id', p.id, 'bedId', p.bed_id, 'bedCode', pb.code, 'from', lower(p.period)::text)
               FROM stay p JOIN bed pb ON pb.id = p.bed_id
               WHERE p.admission_id = s.admission_id AND lower(p.period) < lower(s.period) ORDER BY lower(p.period) DESC LIMIT 1) AS previous,
              (SELECT jsonb_build_object('bedCode', nb.code, 'from', lower(n.period)::text)
               FROM stay n JOIN bed nb ON nb.id = n.bed_id
               WHERE n.admission_id = s.admission_id AND lower(n.period) > lower(s.period) ORDER BY lower(n.period) LIMIT 1) AS next
       FROM stay s JOIN bed b ON b.id = s.bed_id WHERE s.id = $1 FOR UPDATE OF s`,
      [id],
    );
    return row;
  }

  /** Takes every stay and leave of the admission, then the admission, out of force. */
  async voidAdmission(admissionId: string): Promise<void> {
    await this.sql.query(`UPDATE leave SET voided_at = now() WHERE admission_id = $1`, [admissionId]);
    await this.sql.query(`UPDATE stay SET voided_at = now() WHERE admission_id = $1`, [admissionId]);
    await this.sql.query(`UPDATE admission SET voided_at = now() WHERE id = $1`, [admissionId]);
  }

  async voidStay(stayId: string): Promise<void> {
    await this.sql.query(`UPDATE stay SET voided_at = now() WHERE id = $1`, [stayId]);
  }

  /** A stay's end moved to `to` (null: open). The exclusion constraints refuse a bed or person taken meanwhile. */
  async setStayEnd(stayId: string, to: string | null): Promise<void> {
    await this.sql.query(`UPDATE stay SET period = daterange(lower(period), $2::date) WHERE id = $1`, [stayId, to]);
  }

  /** A leave in force, locked. */
  async leave(
    id: string,
  ): Promise<{ id: string; admissionId: string; residentId: string; kind: string; from: string; to: string; reason: string } | undefined> {
    const [row] = await this.sql.query(
      `SELECT id, admission_id AS "admissionId", resident_id AS "residentId", kind, lower(period)::text AS "from", upper(period)::text AS "to", reason
       FROM leave WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  async voidLeave(leaveId: string): Promise<void> {
    await this.sql.query(`UPDATE leave SET voided_at = now() WHERE id = $1`, [leaveId]);
  }

  /** The admission and its last stay open again (a discharge voided): no end, no discharge reason. */
  async reopen(admissionId: string, lastStayId: string): Promise<void> {
    await this.sql.query(`UPDATE admission SET period = daterange(lower(period), NULL), discharge_reason = NULL WHERE id = $1`, [
      admissionId,
    ]);
    await this.setStayEnd(lastStayId, null);
  }

  /** Another resident's stay on the bed on or after `from`, or the resident's own later admission, that reopening would overlap. */
  async reopenClash(
    bedId: string,
    residentId: string,
    admissionId: string,
    from: string,
  ): Promise<{ bed: { from: string } | null; admission: { from: string } | null }> {
    const [row]: { bed_from: string | null; adm_from: string | null }[] = await this.sql.query(
      `SELECT (SELECT min(lower(period))::text FROM stay WHERE bed_id = $1 AND resident_id <> $2 AND period && daterange($4::date, NULL)) AS bed_from,
              (SELECT min(lower(period))::text FROM admission WHERE resident_id = $2 AND id <> $3 AND period && daterange($4::date, NULL)) AS adm_from`,
      [bedId, residentId, admissionId, from],
    );
    return { bed: row.bed_from ? { from: row.bed_from } : null, admission: row.adm_from ? { from: row.adm_from } : null };
  }

  async record(c: { kind: CorrectionKind; entryId: string; residentId: string; detail: object; reason: string }): Promise<Correction> {
    const [row]: { id: string }[] = await this.sql.query(
      `INSERT INTO correction (facility_id, kind, entry_id, resident_id, detail, reason, voided_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [this.db.facilityId(), c.kind, c.entryId, c.residentId, JSON.stringify(c.detail), c.reason, this.db.userId()],
    );
    return (await this.list({ id: row.id }))[0];
  }

  /** Voids, newest first: of one resident, or one by id, or all. */
  async list(filter: { residentId?: string; id?: string } = {}): Promise<Correction[]> {
    const rows: (Omit<Correction, 'voidedAt'> & { voidedAt: Date })[] = await this.sql.query(
      `SELECT c.id, c.kind, c.entry_id AS "entryId", c.resident_id AS "residentId", c.detail, c.reason, c.voided_at AS "voidedAt",
              c.voided_by AS "voidedBy", coalesce(u.display_name, u.username) AS "voidedByName"
       FROM correction c LEFT JOIN app_user u ON u.id = c.voided_by
       WHERE ($1::uuid IS NULL OR c.resident_id = $1) AND ($2::uuid IS NULL OR c.id = $2)
       ORDER BY c.voided_at DESC, c.id`,
      [filter.residentId ?? null, filter.id ?? null],
    );
    return rows.map((r) => ({ ...r, voidedAt: r.voidedAt.toISOString() }));
  }
}
