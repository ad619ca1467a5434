import type { DocumentKind } from '../templates';

/**
 * A document's facts, gathered inside the request's transaction; rendering happens after it ends,
 * so no database connection waits on Chromium. `timeZone` is the one its times are printed in
 * (the facility's, or APP_TIMEZONE for a division's).
 */
export interface Draft {
  kind: DocumentKind;
  at: Date;
  timeZone: string;
  /** The claim a 申领表 is of: part of its subject (docs/rules.md §8). */
  claimId?: string;
  /** The assessment a 老年人能力评估报告 is of: part of its subject (docs/rules.md §8). */
  assessmentId?: string;
  /** The bill, payment or refund a billing document is of: part of its subject (docs/rules.md §9). */
  recordId?: string;
  /** The amount a billing document prints (a bill's total, a receipt's or a refund's amount), told by verification. */
  totalFen?: number;
  /** Set: printed with this watermark (草稿 a claim in DRAFT, 预估 an estimate), neither numbered nor registered. */
  provisional?: Provisional;
  d: {
    facilityId?: string;
    divisionCode?: string;
    subject: string;
    period: string;
    periodLabel: string;
    subtitle: string;
    /** The name it is saved under: title, facility (or division), month — `fileNameOf`. */
    fileName: string;
    /** The same in ASCII, for clients that do not read `filename*` (RFC 6266). */
    asciiFileName?: string;
    data: object;
  };
}

export type Provisional = 'DRAFT' | 'ESTIMATE';

export const draft = (kind: DocumentKind, timeZone: string, d: Draft['d']): Draft => ({ kind, at: new Date(), timeZone, d });

export const TITLES: Record<DocumentKind, string> = {
  CLAIM: '养老服务补贴申领表',
  COMPLIANCE: '养老机构合规报告',
  OPERATIONS: '月度运营报表',
  DIVISION_SUMMARY: '辖区汇总表',
  DAY_CENTER: '日间照料中心运营报告',
  ASSESSMENT: '老年人能力评估报告',
  TASK_LIST: '重点任务清单',
  BULLETIN: '通报',
  BILL: '缴费通知单',
  RECEIPT: '收据',
  REFUND: '退款凭证',
};

/** The prefix of each kind's document number (CLM-20260105-000042). */
export const PREFIX: Record<DocumentKind, string> = {
  CLAIM: 'CLM',
  COMPLIANCE: 'CMP',
  OPERATIONS: 'OPS',
  DIVISION_SUMMARY: 'DIV',
  DAY_CENTER: 'DCR',
  ASSESSMENT: 'ABA',
  TASK_LIST: 'TSK',
  BULLETIN: 'BUL',
  BILL: 'BIL',
  RECEIPT: 'RCP',
  REFUND: 'RFD',
};

/** Characters no file system takes in a name, and controls. */
const UNSAFE = /[\\/:*?"<>|]+|\p{Cc}+/gu;

/**
 * The name a document is saved under: its title, whose it is (facility or division) and the month,
 * then anything that tells two apart (a claim's number): `月度运营报表-颐康养老院-2026-11.pdf`.
 */
export const fileNameOf = (kind: DocumentKind, whose: string, month: string, ...more: string[]) =>
  `${[TITLES[kind], whose, month, ...more].map((part) => part.replace(UNSAFE, '_').trim()).join('-')}.pdf`;

/**
 * A `content-disposition` header naming the file in UTF-8 (`filename*`, RFC 5987) with an ASCII
 * `filename` for older clients: a header carries no raw Chinese.
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string, asciiFileName?: string): string {
  const fallback =
    (asciiFileName ?? fileName)
      .replace(/[^\x20-\x7e]+|["\\]/g, '')
      .replace(/-{2,}/g, '-')
      .replace(/^[-_ ]+/, '') || 'document.pdf';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export const monthLabel = (month: string) => `${month.slice(0, 4)}年${month.slice(5)}月`;

/** `YYYY-MM-DD HH:MM:SS` on the wall clock of `timeZone`. */
export const wallClock = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(at);

/** `UTC+8`, `UTC-3:30`, `UTC`: the offset of `timeZone` at that instant, as printed after a time. */
export function utcOffset(at: Date, timeZone: string): string {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')
      ?.value ?? 'GMT';
  return name.replace(/^GMT/, 'UTC');
}
