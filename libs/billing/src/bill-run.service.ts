import { Injectable } from '@nestjs/common';
import { AuditService } from '@careops/audit';
import { billDueOn, billLines, billTotal, claimTiming, facilityToday, type FeeVersion, type IsoDate, monthSpan, yuan } from '@careops/care';
import { FacilitiesService } from '@careops/facilities';
import { AppConfig, RuleViolation } from '@careops/platform';
import { BillingRepository, type NewBill, type RunBill, type StoredLine } from './billing.repository';
import type { BillKind, BillRunResponse } from './dto/billing.response';

/** The month `n` months before `month` (YYYY-MM). */
function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) - n;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

const lineKey = (l: StoredLine) => `${l.code}|${l.item}|${l.rateFen}|${l.feeItemId ?? ''}`;
const sameLines = (a: StoredLine[], b: StoredLine[]) => JSON.stringify(a.map(normal)) === JSON.stringify(b.map(normal));
const normal = (l: StoredLine) => [
  l.item,
  l.code,
  l.category,
  l.feeItemId,
  l.days,
  l.leaveDays,
  l.rateFen,
  l.quantity,
  l.amountFen,
  l.formula,
  l.from,
];

/**
 * docs/rules.md §9, a correction of an issued bill: per line (item and rate), what the facts say now
 * minus what the bill and its issued corrections charged; the lines sum to the difference.
 */
export function correctionLines(charged: StoredLine[], now: StoredLine[]): StoredLine[] {
  const sum = (ls: StoredLine[]) => {
    const m = new Map<string, StoredLine>();
    for (const l of ls) {
      const k = lineKey(l);
      const a = m.get(k);
      if (a)
        m.set(k, {
          ...a,
          days: a.days + l.days,
          leaveDays: a.leaveDays + l.leaveDays,
          quantity: a.quantity + l.quantity,
          amountFen: a.amountFen + l.amountFen,
        });
      else m.set(k, { ...l });
    }
    return m;
  };
  const before = sum(charged);
  const after = sum(now);
  const out: StoredLine[] = [];
  for (const k of new Set([...after.keys(), ...before.keys()])) {
    const a = after.get(k);
    const b = before.get(k);
    const amount = (a?.amountFen ?? 0) - (b?.amountFen ?? 0);
    if (amount === 0) continue;
    const base = (a ?? b) as StoredLine;
    out.push({
      ...base,
      days: (a?.days ?? 0) - (b?.days ?? 0),
      leaveDays: (a?.leaveDays ?? 0) - (b?.leaveDays ?? 0),
      quantity: (a?.quantity ?? 0) - (b?.quantity ?? 0),
      amountFen: amount,
      formula: `${yuan(a?.amountFen ?? 0)} − ${yuan(b?.amountFen ?? 0)} = ${yuan(amount)}`,
    });
  }
  return out;
}

/** What a run (or a settlement) will write: set-based, all at once. */
interface Plan {
  create: (Omit<NewBill, 'number'> & { lines: StoredLine[] })[];
  update: { id: string; kind: BillKind; totalFen: number; lines: StoredLine[] }[];
  remove: string[];
  created: number;
  updated: number;
  unchanged: number;
  touched: string[];
}

const emptyPlan = (): Plan => ({ create: [], update: [], remove: [], created: 0, updated: 0, unchanged: 0, touched: [] });

/**
 * The monthly bill run (docs/rules.md §9): idempotent. The facts of every resident of the facility
 * are read in one statement, each bill is computed by `billLines` (libs/care, the §5 arithmetic),
 * and written back in a handful of set-based statements. A DRAFT is recomputed in place; an issued
 * bill is never touched: if the facts changed since, the run drafts a SUPPLEMENTARY bill or a
 * CREDIT_NOTE referencing it (for the month run and the issued months of the year before it).
 */
@Injectable()
export class BillRunService {
  constructor(
    private readonly repo: BillingRepository,
    private readonly facilities: FacilitiesService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** The facility's today (docs/api.md: calendar dates are the facility's). */
  async today(): Promise<IsoDate> {
    const facility = await this.facilities.current();
    return facilityToday(new Date(), facility.timezone);
  }

  async run(month: string): Promise<BillRunResponse & { touched: string[] }> {
    const timing = claimTiming(month, await this.today());
    if (timing.phase === 'NOT_STARTED') throw new RuleViolation('BILL_MONTH_NOT_STARTED', { month, today: timing.today });
    await this.repo.lockFacility();
    const earlier = await this.repo.issuedMonthsBefore(month, monthsBefore(month, 11));
    const fees = await this.repo.feeVersionsBefore(monthSpan(month).to);
    const existing = await this.repo.runBills([...earlier, month]);
    const plan = emptyPlan();
    for (const m of [...earlier, month]) {
      const bills = existing.filter((b) => b.month === m);
      const issuedResidents = [
        ...new Set(bills.filter((b) => b.state !== 'DRAFT' && (b.kind === 'MONTHLY' || b.kind === 'FINAL')).map((b) => b.residentId)),
      ];
      const computed = await this.compute(m, m === month ? null : issuedResidents, fees);
      this.planMonth(plan, m, month, bills, computed, m === month);
    }
    await this.write(plan);
    await this.audit.record({
      action: 'billing.run',
      entityType: 'bill',
      after: { month, created: plan.created, updated: plan.updated, unchanged: plan.unchanged, corrections: earlier },
    });
    return { month, created: plan.created, updated: plan.updated, unchanged: plan.unchanged, bills: [], touched: plan.touched };
  }

  /**
   * docs/rules.md §9 settlement: the resident's bill of the month of their last day in care (kind
   * FINAL) — created, recomputed if a draft, or corrected if already issued. Returns the bill to issue.
   */
  async finalBill(residentId: string, admissionId: string, month: string): Promise<string | null> {
    const fees = await this.repo.feeVersionsBefore(monthSpan(month).to);
    const bills = (await this.repo.runBills([month])).filter((b) => b.residentId === residentId);
    const computed = await this.compute(month, [residentId], fees);
    const plan = emptyPlan();
    const base = bills.find((b) => b.kind === 'MONTHLY' || b.kind === 'FINAL');
    const lines = computed.get(residentId) ?? [];
    if (!base) {
      if (lines.length === 0) return null;
      plan.create.push({
        residentId,
        month,
        kind: 'FINAL',
        refersToId: null,
        admissionId,
        totalFen: billTotal(lines),
        dueOn: billDueOn(month, this.config.BILLING_DUE_DAY),
        lines,
      });
    } else if (base.state === 'DRAFT') {
      plan.update.push({ id: base.id, kind: 'FINAL', totalFen: billTotal(lines), lines });
      plan.touched.push(base.id);
    } else {
      this.planCorrection(plan, base, bills, lines, month);
    }
    const created = await this.write(plan);
    return created[0] ?? plan.touched[0] ?? base?.id ?? null;
  }

  /** Each resident's lines for month `m` (only `residentIds` if given). */
  private async compute(m: string, residentIds: string[] | null, fees: FeeVersion[]): Promise<Map<string, StoredLine[]>> {
    const out = new Map<string, StoredLine[]>();
    if (residentIds && residentIds.length === 0) return out;
    const facts = await this.repo.facts(monthSpan(m), residentIds);
    for (const [residentId, f] of facts) {
      const lines = billLines(m, f, fees, f.usage, this.config.BILLING_MIN_LEAVE_DAYS);
      if (lines.length > 0) out.set(residentId, lines);
    }
    return out;
  }

  private planMonth(
    plan: Plan,
    m: string,
    runMonth: string,
    bills: RunBill[],
    computed: Map<string, StoredLine[]>,
    isRunMonth: boolean,
  ): void {
    const bases = new Map(bills.filter((b) => b.kind === 'MONTHLY' || b.kind === 'FINAL').map((b) => [b.residentId, b]));
    const residents = isRunMonth
      ? new Set([...computed.keys(), ...bases.keys()])
      : new Set([...bases.values()].filter((b) => b.state !== 'DRAFT').map((b) => b.residentId));
    for (const residentId of residents) {
      const lines = computed.get(residentId) ?? [];
      const base = bases.get(residentId);
      if (!base) {
        plan.create.push({
          residentId,
          month: m,
          kind: 'MONTHLY',
          refersToId: null,
          totalFen: billTotal(lines),
          dueOn: billDueOn(m, this.config.BILLING_DUE_DAY),
          lines,
        });
        plan.created++;
      } else if (base.state === 'DRAFT') {
        if (lines.length === 0) {
          plan.remove.push(base.id);
          plan.updated++;
        } else if (sameLines(base.lines, lines)) {
          plan.unchanged++;
          plan.touched.push(base.id);
        } else {
          plan.update.push({ id: base.id, kind: base.kind, totalFen: billTotal(lines), lines });
          plan.updated++;
          plan.touched.push(base.id);
        }
      } else {
        this.planCorrection(plan, base, bills, lines, runMonth);
      }
    }
  }

  /** An issued bill against today's facts: a correction drafted, kept, replaced or withdrawn. */
  private planCorrection(plan: Plan, base: RunBill, bills: RunBill[], lines: StoredLine[], runMonth: string): void {
    const corrections = bills.filter((b) => b.refersToId === base.id);
    const issued = corrections.filter((c) => c.state !== 'DRAFT');
    const draft = corrections.find((c) => c.state === 'DRAFT');
    const diff = correctionLines([...base.lines, ...issued.flatMap((c) => c.lines)], lines);
    const delta = billTotal(diff);
    if (delta === 0) {
      if (draft) {
        plan.remove.push(draft.id);
        plan.updated++;
      } else plan.unchanged++;
      return;
    }
    const kind: BillKind = delta > 0 ? 'SUPPLEMENTARY' : 'CREDIT_NOTE';
    if (draft) {
      if (draft.kind === kind && sameLines(draft.lines, diff)) plan.unchanged++;
      else {
        plan.update.push({ id: draft.id, kind, totalFen: delta, lines: diff });
        plan.updated++;
      }
      plan.touched.push(draft.id);
      return;
    }
    plan.create.push({
      residentId: base.residentId,
      month: base.month,
      kind,
      refersToId: base.id,
      totalFen: delta,
      dueOn: billDueOn(runMonth, this.config.BILLING_DUE_DAY),
      lines: diff,
    });
    plan.created++;
  }

  /** The plan in a few statements: withdrawn drafts, recomputed drafts, new bills numbered per month, all their lines. */
  private async write(plan: Plan): Promise<string[]> {
    await this.repo.deleteDrafts(plan.remove);
    await this.repo.updateDrafts(plan.update);
    const numbered: (NewBill & { lines: StoredLine[] })[] = [];
    for (const month of [...new Set(plan.create.map((b) => b.month))]) {
      const mine = plan.create.filter((b) => b.month === month);
      const numbers = await this.repo.nextNumbers('BILL', month, mine.length);
      mine.forEach((b, i) => numbered.push({ ...b, number: `ZD${month.replace('-', '')}-${String(numbers[i]).padStart(4, '0')}` }));
    }
    const ids = await this.repo.insertBills(numbered);
    await this.repo.replaceLines([
      ...plan.update.map((u) => ({ billId: u.id, lines: u.lines })),
      ...numbered.map((b, i) => ({ billId: ids[i], lines: b.lines })),
    ]);
    plan.touched.push(...ids);
    return ids;
  }
}
