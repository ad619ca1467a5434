import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@careops/audit';
import { TenantDb } from '@careops/db';
import { InvalidInputError, RuleViolation } from '@careops/platform';
import { IdNumberProtector } from '@careops/residents';
import { ImportCountsResponse, ImportResultResponse } from './dto/import.dto';
import { ImportsRepository, NewAdmission, NewResident } from './imports.repository';
import { BedRow, checkBeds, checkResidents, checkStaff, ResidentRow, RowError, StaffRow } from './rows';
import { buildTemplate, COLUMNS, IMPORT_KINDS, ImportKind, readSheet } from './sheets';

/** The file as multer hands it over. */
export interface UploadedSheet {
  buffer: Buffer;
  originalname?: string;
}

/**
 * Beds, residents and staff from a facility's spreadsheets (docs/api.md "Import"): every row is
 * checked by the rules of its feature (docs/rules.md §3, §4, §6) and the file is written whole, in
 * the request's one transaction, or not at all.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly imports: ImportsRepository,
    private readonly ids: IdNumberProtector,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  kindOf(text: string): ImportKind {
    const kind = text.toUpperCase();
    if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new InvalidInputError('IMPORT_KIND_UNKNOWN', { kind: text });
    return kind as ImportKind;
  }

  template(kind: ImportKind): Promise<Buffer> {
    return buildTemplate(kind);
  }

  async run(kind: ImportKind, file: UploadedSheet | undefined, commit: boolean): Promise<ImportResultResponse> {
    if (!file?.buffer?.length) throw new InvalidInputError('IMPORT_FILE_REQUIRED');
    const sheet = await readSheet(kind, file.buffer);
    if (sheet.length === 0) throw new RuleViolation('IMPORT_EMPTY');
    const checked = kind === 'BEDS' ? await this.beds(sheet) : kind === 'RESIDENTS' ? await this.residents(sheet) : await this.staff(sheet);
    const order = COLUMNS[kind].map((c) => c.header);
    const errors = checked.errors.sort((a, b) => a.row - b.row || order.indexOf(a.column) - order.indexOf(b.column));
    const result = { kind, rows: sheet.length, errors, committed: false, counts: checked.counts };
    const audited = { kind, rows: sheet.length, fileName: file.originalname ?? null, ...checked.counts };
    if (!commit) {
      await this.audit.record({ action: 'import.preview', entityType: 'import', after: { ...audited, errors: errors.length } });
      return result;
    }
    if (errors.length > 0) {
      const [e] = errors;
      const refusal = new RuleViolation('IMPORT_HAS_ERRORS', { count: errors.length, row: e.row, column: e.column, message: e.message });
      refusal.details = errors;
      throw refusal;
    }
    await checked.write();
    // One audit row for the whole file, with what it wrote (docs/api.md "Import").
    await this.audit.record({ action: 'import.commit', entityType: 'import', after: audited });
    return { ...result, committed: true };
  }

  private async beds(sheet: Parameters<typeof checkBeds>[0]) {
    const { rows, errors } = checkBeds(sheet);
    const existing = await this.imports.existingBedCodes(rows.map((r) => r.code));
    const ok: BedRow[] = [];
    for (const r of rows) {
      if (existing.has(r.code)) errors.push({ row: r.row, column: '床位号', message: `床位号「${r.code}」已存在` });
      else ok.push(r);
    }
    const rooms = new Set(ok.map((r) => `${r.building}\u0000${r.floor}\u0000${r.room}`)).size;
    return {
      errors,
      counts: { beds: ok.length, rooms } as ImportCountsResponse,
      write: async () => {
        await this.imports.insertBeds(ok);
      },
    };
  }

  private async residents(sheet: Parameters<typeof checkResidents>[0]) {
    const { rows, errors } = checkResidents(sheet);
    const hashes = rows.map((r) => this.ids.hash(r.idNumber).toString('base64'));
    const registered = await this.imports.registeredIdHashes(hashes);
    const admitted = rows.filter((r) => r.bedCode && r.admittedOn);
    const beds = new Map(
      (await this.imports.bedsFrom(admitted.map((r) => ({ code: r.bedCode as string, day: r.admittedOn as string })))).map((b) => [
        `${b.code}\u0000${b.day}`,
        b,
      ]),
    );
    const ok: { row: ResidentRow; bedId: string | null }[] = [];
    rows.forEach((r, i) => {
      const before = errors.length;
      if (registered.has(hashes[i])) errors.push({ row: r.row, column: '身份证号', message: '该身份证号的老人已在本机构登记' });
      let bedId: string | null = null;
      if (r.bedCode && r.admittedOn) {
        const bed = beds.get(`${r.bedCode}\u0000${r.admittedOn}`);
        const at = (message: string) => errors.push({ row: r.row, column: '床位', message });
        if (!bed?.bedId) at(`床位「${r.bedCode}」不存在，请先在床位管理中添加或导入床位`);
        else if (bed.takenFrom) at(`床位「${r.bedCode}」自 ${bed.takenFrom} 起已有老人入住`);
        else if (bed.outOfService) at(`床位「${r.bedCode}」在入住日期 ${r.admittedOn} 或之后停用`);
        else bedId = bed.bedId;
      }
      if (errors.length === before) ok.push({ row: r, bedId });
    });
    const withBed = ok.filter((o) => o.bedId);
    return {
      errors,
      counts: {
        residents: ok.length,
        admissions: withBed.length,
        assessments: withBed.filter((o) => o.row.careLevel).length,
      } as ImportCountsResponse,
      write: async () => {
        const residents: NewResident[] = [];
        const admissions: NewAdmission[] = [];
        for (const { row: r, bedId } of ok) {
          const p = this.ids.protect(r.idNumber);
          const id = randomUUID();
          residents.push({
            id,
            name: r.name,
            gender: r.gender,
            dateOfBirth: r.dateOfBirth,
            cipher: p.cipher.toString('base64'),
            keyVersion: p.keyVersion,
            hmac: p.hmac.toString('base64'),
            masked: p.masked,
            hukou: r.hukou,
            phone: r.phone,
            categories: r.categories,
          });
          if (bedId)
            admissions.push({
              admissionId: randomUUID(),
              residentId: id,
              bedId,
              admittedOn: r.admittedOn as string,
              careLevel: r.careLevel,
            });
        }
        await this.imports.insertResidents(residents, admissions, this.db.actor());
      },
    };
  }

  private async staff(sheet: Parameters<typeof checkStaff>[0]) {
    const { rows, errors } = checkStaff(sheet);
    const existing = await this.imports.existingCertificates(rows.flatMap((r) => (r.certificate ? [r.certificate] : [])));
    const ok: StaffRow[] = [];
    for (const r of rows) {
      if (r.certificate && existing.has(`${r.certificate.type}\u0000${r.certificate.number}`))
        errors.push({ row: r.row, column: '证书编号', message: `证书「${r.certificate.number}」已在本机构登记` });
      else ok.push(r);
    }
    return {
      errors,
      counts: { staff: ok.length, certificates: ok.filter((r) => r.certificate).length } as ImportCountsResponse,
      write: () => this.imports.insertStaff(ok.map((r) => ({ id: randomUUID(), ...r }))),
    };
  }
}

export type { RowError };
