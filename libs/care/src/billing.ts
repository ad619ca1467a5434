import type { CareLevel } from './care-level';
import { DateInterval, dayNumber, IsoDate, isoDate } from './dates';
import { LevelAssessment, levelSegments } from './level-segments';
import { Fen, monthSpan, proratedFen, yuan } from './subsidy';

/** docs/rules.md §9: what a fee item charges for, and how. */
export const FEE_KINDS = ['MONTHLY', 'PER_USE'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];
export const FEE_CATEGORIES = ['BED', 'CARE', 'MEALS', 'OTHER'] as const;
export type FeeCategory = (typeof FEE_CATEGORIES)[number];
export const BED_KINDS = ['NURSING', 'GENERAL'] as const;
export type BedKind = (typeof BED_KINDS)[number];

/** docs/rules.md §9 defaults: the bed and care fees are charged on leave days (the bed is held), meals are not. */
export const CHARGED_ON_LEAVE_DEFAULT: Record<FeeCategory, boolean> = { BED: true, CARE: true, MEALS: false, OTHER: true };
/** docs/rules.md §9: a leave counts for "not charged" from this many consecutive days (setting BILLING_MIN_LEAVE_DAYS). */
export const DEFAULT_MIN_LEAVE_DAYS = 3;

/** One version of a fee item: in force from `effectiveFrom` until the next version of the same code and variant. */
export interface FeeVersion {
  id: string;
  code: string;
  name: string;
  kind: FeeKind;
  category: FeeCategory;
  amountFen: Fen;
  /** Only for residents at this care level (护理费 by level); null: every level. */
  careLevel: CareLevel | null;
  /** Only for beds of this kind (床位费 by bed kind); null: every bed. */
  bedKind: BedKind | null;
  chargedOnLeave: boolean;
  effectiveFrom: IsoDate;
}

/** A resident's facts for one month: days on a bed (with its kind), the level history, leaves. */
export interface BillingFacts {
  /** Stays on a bed, [from, to) each (to null: still there); the discharge day is not in care (docs/rules.md §5). */
  stays: readonly (DateInterval & { bedKind: BedKind })[];
  assessments: readonly LevelAssessment[];
  /** Leaves 请假/外出住院, [from, to) each. */
  leaves: readonly DateInterval[];
}

/** A per-use charge as recorded (e.g. 助浴 twice). */
export interface UsageCharge {
  id?: string;
  code: string;
  name: string;
  category: FeeCategory;
  on: IsoDate;
  quantity: number;
  unitFen: Fen;
}

export interface BillLine {
  item: string;
  code: string;
  category: FeeCategory;
  /** The fee version charged (null for a per-use line). */
  feeItemId: string | null;
  /** Days charged. */
  days: number;
  /** Days in care not charged because of a leave of at least the minimum length. */
  leaveDays: number;
  rateFen: Fen;
  quantity: number;
  amountFen: Fen;
  /** In yuan, like a claim line's: `1500.00 × 17 ÷ 31 = 822.58`. */
  formula: string;
  /** The first day the line charges (orders the lines). */
  from: IsoDate;
}

/** The amount of a per-use charge: unit × quantity, integers only. */
export const usageAmountFen = (unitFen: Fen, quantity: number): Fen => unitFen * quantity;

/** Touching or overlapping leaves merged: a run of consecutive days away is one leave. */
function mergeLeaves(leaves: readonly DateInterval[], limit: number): [number, number][] {
  const ranges = leaves
    .map((l) => [dayNumber(l.from), l.to === null ? limit : dayNumber(l.to)] as [number, number])
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of ranges) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** The version in force on day number `day` for a resident at `level` on a bed of `bedKind`, of one code; a variant beats the general item. */
function versionOn(
  versions: readonly { v: FeeVersion; from: number }[],
  day: number,
  level: CareLevel | null,
  bedKind: BedKind | null,
): FeeVersion | null {
  let best: { v: FeeVersion; from: number } | null = null;
  let bestScore = -1;
  for (const x of versions) {
    const v = x.v;
    if (x.from > day) continue;
    if (v.careLevel !== null && v.careLevel !== level) continue;
    if (v.bedKind !== null && v.bedKind !== bedKind) continue;
    const score = (v.careLevel !== null ? 2 : 0) + (v.bedKind !== null ? 1 : 0);
    // The latest version of the most specific variant.
    if (score > bestScore || (score === bestScore && best !== null && x.from > best.from)) {
      best = x;
      bestScore = score;
    }
  }
  return best?.v ?? null;
}

/**
 * docs/rules.md §9, the monthly bill of one resident: each monthly item × days charged ÷ days in the
 * month, in fen, rounded half-up once per line (the arithmetic of §5, `proratedFen`); a full month is
 * exactly the fee. A day is charged if the resident is on a bed that day (admission day yes,
 * discharge day no); on a leave of at least `minLeaveDays` consecutive days an item that is not
 * charged on leave skips the day (counted in `leaveDays`). The version charged on a day is the one
 * in force then for the resident's level and bed kind: a level change, a move to another kind of
 * bed or a new fee version mid-month splits the item into lines. Per-use charges as recorded.
 */
export function billLines(
  month: string,
  facts: BillingFacts,
  fees: readonly FeeVersion[],
  usage: readonly UsageCharge[] = [],
  minLeaveDays: number = DEFAULT_MIN_LEAVE_DAYS,
): BillLine[] {
  const span = monthSpan(month);
  const start = dayNumber(span.from);
  const end = dayNumber(span.to);
  const n = span.days;
  // Per day of the month: the bed kind (null: not in care), the level, on a long leave.
  const bedKind: (BedKind | null)[] = new Array(n).fill(null);
  for (const s of facts.stays) {
    const a = Math.max(dayNumber(s.from), start);
    const b = s.to === null ? end : Math.min(dayNumber(s.to), end);
    for (let d = a; d < b; d++) bedKind[d - start] = s.bedKind;
  }
  const level: (CareLevel | null)[] = new Array(n).fill(null);
  for (const seg of levelSegments(facts.assessments, facts.stays, span)) {
    for (let d = Math.max(dayNumber(seg.from), start); d < Math.min(dayNumber(seg.to), end); d++) level[d - start] = seg.careLevel;
  }
  const away: boolean[] = new Array(n).fill(false);
  for (const [a, b] of mergeLeaves(facts.leaves, end + 366)) {
    if (b - a < minLeaveDays) continue;
    for (let d = Math.max(a, start); d < Math.min(b, end); d++) away[d - start] = true;
  }

  const byCode = new Map<string, { v: FeeVersion; from: number }[]>();
  for (const f of fees) {
    if (f.kind !== 'MONTHLY' || f.effectiveFrom >= span.to) continue;
    const list = byCode.get(f.code) ?? [];
    list.push({ v: f, from: dayNumber(f.effectiveFrom) });
    byCode.set(f.code, list);
  }

  const lines: BillLine[] = [];
  for (const versions of byCode.values()) {
    const acc = new Map<string, { v: FeeVersion; days: number; leaveDays: number; first: number }>();
    for (let i = 0; i < n; i++) {
      if (bedKind[i] === null) continue;
      const v = versionOn(versions, start + i, level[i], bedKind[i]);
      if (!v) continue;
      const a = acc.get(v.id) ?? { v, days: 0, leaveDays: 0, first: start + i };
      if (away[i] && !v.chargedOnLeave) a.leaveDays++;
      else a.days++;
      acc.set(v.id, a);
    }
    for (const { v, days, leaveDays, first } of acc.values()) {
      if (days === 0 && leaveDays === 0) continue;
      const amountFen = proratedFen(v.amountFen, days, n);
      lines.push({
        item: v.name,
        code: v.code,
        category: v.category,
        feeItemId: v.id,
        days,
        leaveDays,
        rateFen: v.amountFen,
        quantity: 1,
        amountFen,
        formula: `${yuan(v.amountFen)} × ${days} ÷ ${n} = ${yuan(amountFen)}`,
        from: isoDate(first),
      });
    }
  }
  const categoryOrder = (c: FeeCategory) => ['BED', 'CARE', 'MEALS', 'OTHER'].indexOf(c);
  lines.sort(
    (x, y) => categoryOrder(x.category) - categoryOrder(y.category) || x.code.localeCompare(y.code) || x.from.localeCompare(y.from),
  );

  for (const u of [...usage].sort((x, y) => x.on.localeCompare(y.on) || x.code.localeCompare(y.code))) {
    if (u.on < span.from || u.on >= span.to) continue;
    const amountFen = usageAmountFen(u.unitFen, u.quantity);
    lines.push({
      item: u.name,
      code: u.code,
      category: u.category,
      feeItemId: null,
      days: 0,
      leaveDays: 0,
      rateFen: u.unitFen,
      quantity: u.quantity,
      amountFen,
      formula: `${yuan(u.unitFen)} × ${u.quantity} = ${yuan(amountFen)}`,
      from: u.on,
    });
  }
  return lines;
}

/** A bill's total: the sum of its lines, less the subsidy credited to the resident. */
export const billTotal = (lines: readonly { amountFen: Fen }[]): Fen => lines.reduce((s, l) => s + l.amountFen, 0);

/** docs/rules.md §9 arrears: a bill of `month` is due on day `dueDay` of the next month (setting BILLING_DUE_DAY, default 10). */
export function billDueOn(month: string, dueDay = 10): IsoDate {
  const next = monthSpan(month).to;
  return `${next.slice(0, 8)}${String(Math.min(Math.max(dueDay, 1), 28)).padStart(2, '0')}`;
}

export const ARREARS_BUCKETS = ['D0_30', 'D31_60', 'D61_90', 'OVER_90'] as const;
export type ArrearsBucket = (typeof ARREARS_BUCKETS)[number];

/** docs/rules.md §9: aging buckets 0–30, 31–60, 61–90, over 90 days past due. */
export function arrearsBucket(daysPastDue: number): ArrearsBucket {
  if (daysPastDue <= 30) return 'D0_30';
  if (daysPastDue <= 60) return 'D31_60';
  if (daysPastDue <= 90) return 'D61_90';
  return 'OVER_90';
}

/** Days from `dueOn` to `asOf` (0 on the due day; negative before it). */
export const daysPastDue = (dueOn: IsoDate, asOf: IsoDate): number => dayNumber(asOf) - dayNumber(dueOn);

/**
 * docs/rules.md §9 payments: an amount applied to the oldest open bill first (by due day, then
 * number); what is left stays as prepayment. Returns the applications and the rest.
 */
export function applyOldestFirst<B extends { id: string; openFen: Fen }>(
  amountFen: Fen,
  openBills: readonly B[],
): { applied: { bill: B; amountFen: Fen }[]; restFen: Fen } {
  let rest = amountFen;
  const applied: { bill: B; amountFen: Fen }[] = [];
  for (const b of openBills) {
    if (rest <= 0) break;
    if (b.openFen <= 0) continue;
    const a = Math.min(rest, b.openFen);
    applied.push({ bill: b, amountFen: a });
    rest -= a;
  }
  return { applied, restFen: rest };
}

/**
 * docs/rules.md §9 settlement 退住结算: the deposit and the prepayment are refunded minus what is
 * owed; if they do not cover it, the rest stays owed.
 */
export function settlement(p: { owedFen: Fen; depositFen: Fen; prepaymentFen: Fen }): {
  refundFen: Fen;
  stillOwedFen: Fen;
  fromPrepaymentFen: Fen;
  fromDepositFen: Fen;
} {
  const fromPrepaymentFen = Math.min(p.prepaymentFen, p.owedFen);
  const fromDepositFen = Math.min(p.depositFen, p.owedFen - fromPrepaymentFen);
  const stillOwedFen = p.owedFen - fromPrepaymentFen - fromDepositFen;
  return {
    refundFen: p.depositFen + p.prepaymentFen - fromPrepaymentFen - fromDepositFen,
    stillOwedFen,
    fromPrepaymentFen,
    fromDepositFen,
  };
}
