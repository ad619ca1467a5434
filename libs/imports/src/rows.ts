import {
  CARE_LEVEL_LABELS,
  CareLevel,
  ID_NUMBER_PROBLEM_MESSAGES,
  idNumberProblem,
  RESIDENT_CATEGORY_LABELS,
  ResidentCategory,
  STAFF_ROLES,
  StaffRole,
} from '@careops/care';
import type { SheetRow } from './sheets';

/** A problem with one cell: the row of the sheet, the column's header, a message in Chinese. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface BedRow {
  row: number;
  building: string;
  floor: number;
  room: string;
  code: string;
  kind: 'NURSING' | 'GENERAL';
}

export interface ResidentRow {
  row: number;
  name: string;
  idNumber: string;
  gender: 'M' | 'F';
  dateOfBirth: string;
  hukou: string | null;
  phone: string | null;
  categories: ResidentCategory[];
  bedCode: string | null;
  admittedOn: string | null;
  careLevel: CareLevel | null;
}

export interface StaffRow {
  row: number;
  name: string;
  role: StaffRole;
  employedFrom: string;
  fteHundredths: number;
  phone: string | null;
  certificate: { type: string; number: string; issuedOn: string; expiresOn: string } | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date from what people type: 2026-03-15, 2026/3/15, 2026.3.15, 20260315, 2026年3月15日. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
  const iso = `${y}-${pad(mo)}-${pad(d)}`;
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d && y >= 1880 ? iso : null;
}

const PHONE = /^[0-9+\-() ]{5,20}$/;
const KIND_OF_LABEL: Record<string, BedRow['kind']> = {
  护理型: 'NURSING',
  护理型床位: 'NURSING',
  护理: 'NURSING',
  普通: 'GENERAL',
  普通床位: 'GENERAL',
};
const LEVEL_OF_LABEL: Record<string, CareLevel> = {
  ...Object.fromEntries(Object.entries(CARE_LEVEL_LABELS).map(([k, v]) => [v, k as CareLevel])),
  失能: 'FULLY_DISABLED',
};
const CATEGORY_OF_LABEL: Record<string, ResidentCategory> = {
  ...Object.fromEntries(Object.entries(RESIDENT_CATEGORY_LABELS).map(([k, v]) => [v, k as ResidentCategory])),
  特困: 'TEKUN',
  独居: 'LIVING_ALONE',
  空巢: 'LIVING_ALONE',
};
const ROLE_OF_LABEL: Record<string, StaffRole> = {
  护理员: 'CAREGIVER',
  养老护理员: 'CAREGIVER',
  护士: 'NURSE',
  医生: 'DOCTOR',
  社工: 'SOCIAL_WORKER',
  管理人员: 'MANAGER',
  院长: 'MANAGER',
  其他: 'OTHER',
};
const GENDER_OF_LABEL: Record<string, 'M' | 'F'> = { 男: 'M', 女: 'F', M: 'M', F: 'F' };

/** Reads one row's cells, collecting every problem (not only the first) with its column. */
class RowReader {
  constructor(
    private readonly r: SheetRow,
    private readonly errors: RowError[],
  ) {}
  fail(column: string, message: string): null {
    this.errors.push({ row: this.r.row, column, message });
    return null;
  }
  text(column: string, required: boolean, max: number): string | null {
    const v = this.r.cells[column] ?? '';
    if (!v) return required ? this.fail(column, `${column}不能为空`) : null;
    if (v.length > max) return this.fail(column, `${column}最多${max}个字`);
    return v;
  }
  date(column: string, required: boolean): string | null {
    const v = this.r.cells[column] ?? '';
    if (!v) return required ? this.fail(column, `${column}不能为空`) : null;
    return parseDate(v) ?? this.fail(column, `${column}「${v}」不是有效日期，应为 2026-03-15 的格式`);
  }
  oneOf<T>(column: string, required: boolean, labels: Record<string, T>): T | null {
    const v = this.r.cells[column] ?? '';
    if (!v) return required ? this.fail(column, `${column}不能为空`) : null;
    const known = labels[v] ?? labels[v.toUpperCase()];
    const allowed = [...new Set(Object.keys(labels).filter((k) => !/^[A-Z_]+$/.test(k)))].join('、');
    return known ?? this.fail(column, `未知的${column}「${v}」，应为：${allowed}`);
  }
  phone(column: string): string | null {
    const v = this.r.cells[column] ?? '';
    if (!v) return null;
    return PHONE.test(v) ? v : this.fail(column, `${column}「${v}」不是有效的电话号码`);
  }
}

export function checkBeds(rows: SheetRow[]): { rows: BedRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const out: BedRow[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const before = errors.length;
    const read = new RowReader(r, errors);
    const building = read.text('楼栋', true, 50);
    const floorText = read.text('楼层', true, 4);
    const floor = floorText !== null && /^-?\d+$/.test(floorText) && Math.abs(Number(floorText)) <= 200 ? Number(floorText) : null;
    if (floorText !== null && (floor === null || floor < -5)) read.fail('楼层', `楼层「${floorText}」应为 -5 到 200 之间的整数`);
    const room = read.text('房间', true, 20);
    const code = read.text('床位号', true, 30);
    const kind = read.oneOf('类型', true, KIND_OF_LABEL);
    if (code !== null) {
      const first = seen.get(code);
      if (first !== undefined) read.fail('床位号', `床位号「${code}」与第${first}行重复`);
      else seen.set(code, r.row);
    }
    if (errors.length === before && building && floor !== null && room && code && kind)
      out.push({ row: r.row, building, floor, room, code, kind });
  }
  return { rows: out, errors };
}

export function checkResidents(rows: SheetRow[]): { rows: ResidentRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const out: ResidentRow[] = [];
  const ids = new Map<string, number>();
  const beds = new Map<string, number>();
  for (const r of rows) {
    const before = errors.length;
    const read = new RowReader(r, errors);
    const name = read.text('姓名', true, 50);
    const idNumber = (read.text('身份证号', true, 18 + 2) ?? '').toUpperCase();
    const dobText = r.cells['出生日期'] ?? '';
    const dob = dobText ? read.date('出生日期', false) : null;
    let dateOfBirth: string | null = null;
    if (idNumber) {
      const problem = idNumberProblem(idNumber, dob ?? undefined);
      if (problem) read.fail(problem === 'BIRTH_DATE_MISMATCH' ? '出生日期' : '身份证号', ID_NUMBER_PROBLEM_MESSAGES[problem]);
      else {
        dateOfBirth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
        const first = ids.get(idNumber);
        if (first !== undefined) read.fail('身份证号', `身份证号与第${first}行重复`);
        else ids.set(idNumber, r.row);
      }
    }
    let gender = read.oneOf('性别', false, GENDER_OF_LABEL);
    // GB 11643: the 17th digit is odd for men, even for women.
    if (!r.cells['性别'] && /^\d{17}/.test(idNumber)) gender = Number(idNumber[16]) % 2 === 1 ? 'M' : 'F';
    const hukou = read.text('户籍', false, 100);
    const phone = read.phone('电话');
    const categories: ResidentCategory[] = [];
    for (const label of (r.cells['类别'] ?? '').split(/[、,，;；\s]+/).filter(Boolean)) {
      const c = CATEGORY_OF_LABEL[label];
      if (c) {
        if (!categories.includes(c)) categories.push(c);
      } else read.fail('类别', `未知的类别「${label}」，应为：${Object.values(RESIDENT_CATEGORY_LABELS).join('、')}`);
    }
    const bedCode = read.text('床位', false, 30);
    const admittedOn = read.date('入住日期', false);
    const careLevel = read.oneOf('照护等级', false, LEVEL_OF_LABEL);
    if (bedCode && !r.cells['入住日期']) read.fail('入住日期', '填写了床位，须同时填写入住日期');
    if (!bedCode && r.cells['入住日期']) read.fail('床位', '填写了入住日期，须同时填写床位');
    if (careLevel && !r.cells['入住日期']) read.fail('入住日期', '照护等级随入住日期生效，须填写入住日期');
    if (bedCode) {
      const first = beds.get(bedCode);
      if (first !== undefined) read.fail('床位', `床位「${bedCode}」已分配给第${first}行的老人`);
      else beds.set(bedCode, r.row);
    }
    if (dateOfBirth && admittedOn && admittedOn < dateOfBirth) read.fail('入住日期', '入住日期早于出生日期');
    if (errors.length === before && name && gender && dateOfBirth)
      out.push({ row: r.row, name, idNumber, gender, dateOfBirth, hukou, phone, categories, bedCode, admittedOn, careLevel });
  }
  return { rows: out, errors };
}

/** FTE as hundredths without floating point: "1", "0.5", "0.75" → 100, 50, 75. */
export function fteHundredths(text: string): number | null {
  const m = /^(0|1)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return n >= 1 && n <= 100 ? n : null;
}

export function checkStaff(rows: SheetRow[]): { rows: StaffRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const out: StaffRow[] = [];
  const certificates = new Map<string, number>();
  for (const r of rows) {
    const before = errors.length;
    const read = new RowReader(r, errors);
    const name = read.text('姓名', true, 50);
    const role = read.oneOf('岗位', true, { ...ROLE_OF_LABEL, ...Object.fromEntries(STAFF_ROLES.map((x) => [x, x])) });
    const employedFrom = read.date('入职日期', true);
    const fteText = read.text('折算全职', true, 6);
    const fte = fteText === null ? null : fteHundredths(fteText);
    if (fteText !== null && fte === null) read.fail('折算全职', `折算全职「${fteText}」应为 0.01 到 1 之间、最多两位小数的数`);
    const phone = read.phone('电话');
    const certColumns = ['证书类型', '证书编号', '发证日期', '到期日期'];
    const filled = certColumns.filter((c) => r.cells[c]);
    let certificate: StaffRow['certificate'] = null;
    if (filled.length > 0 && filled.length < 4) {
      for (const c of certColumns.filter((c) => !r.cells[c])) read.fail(c, `证书四项须同时填写，${c}为空`);
    } else if (filled.length === 4) {
      const type = read.text('证书类型', true, 100);
      const number = read.text('证书编号', true, 60);
      const issuedOn = read.date('发证日期', true);
      const expiresOn = read.date('到期日期', true);
      if (issuedOn && expiresOn && expiresOn <= issuedOn) read.fail('到期日期', '到期日期须晚于发证日期');
      if (type && number) {
        const key = `${type}\u0000${number}`;
        const first = certificates.get(key);
        if (first !== undefined) read.fail('证书编号', `证书编号与第${first}行重复`);
        else certificates.set(key, r.row);
      }
      if (type && number && issuedOn && expiresOn) certificate = { type, number, issuedOn, expiresOn };
    }
    if (errors.length === before && name && role && employedFrom && fte !== null)
      out.push({ row: r.row, name, role, employedFrom, fteHundredths: fte, phone, certificate });
  }
  return { rows: out, errors };
}
