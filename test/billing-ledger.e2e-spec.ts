import fc from 'fast-check';
import { addDays } from '@careops/care';
import { buildWorld, genderOf, idNumberFor, World } from './support/world';

interface Summary {
  id: string;
  number: string;
  kind: string;
  state: string;
  totalFen: number;
  dueOn: string;
  month: string;
}
interface Account {
  balanceFen: number;
  owedFen: number;
  depositFen: number;
  prepaymentFen: number;
  bills: Summary[];
  payments: { kind: string; amountFen: number; receiptNumber: string }[];
  refunds: { amountFen: number }[];
  ledger: { debitAccount: string; creditAccount: string; amountFen: number }[];
}

/**
 * The ledger under random use and under load, against the real database (docs/rules.md §9):
 * Σ ledger = Σ bills − Σ credits − Σ payments + Σ refunds for every resident, re-running a month
 * changes nothing, payments never leave an older bill open while a newer one is paid, receipt
 * numbers stay gapless under concurrency, and one Idempotency-Key makes one payment.
 */
describe('the billing ledger (docs/rules.md §9)', () => {
  let w: World;
  let base: string;
  let room: string;
  let seq = 0;
  const auth = { type: 'bearer' } as const;
  const post = (path: string, body: object, token = w.token.accountantA) => w.t.http.post(`${base}${path}`).auth(token, auth).send(body);
  const get = (path: string) => w.t.http.get(`${base}${path}`).auth(w.token.accountantA, auth);

  /** A resident on a bed of their own from `admittedOn`, at 半失能; their admission id. */
  async function admit(admittedOn: string): Promise<{ resident: string; admission: string }> {
    seq++;
    const bed = (await post('/beds', { code: `L-${seq}`, roomId: room, kind: 'NURSING' }, w.token.managerA).expect(201)).body.id;
    const dob = '1938-05-05';
    const resident = (
      await post(
        '/residents',
        { name: `账户老人${seq}`, gender: genderOf(idNumberFor(dob, seq)), dateOfBirth: dob, idNumber: idNumberFor(dob, seq) },
        w.token.managerA,
      ).expect(201)
    ).body.id;
    const admission = (
      await post('/admissions', { residentId: resident, bedId: bed, admittedOn, careLevel: 'SEMI_DISABLED' }, w.token.managerA).expect(201)
    ).body.id;
    return { resident, admission };
  }

  beforeAll(async () => {
    w = await buildWorld({ DATABASE_CONNECT_TIMEOUT_MS: '120000' });
    base = `/api/facilities/${w.A}`;
    room = (await post('/rooms', { building: '2号楼', floor: 1, number: '201' }, w.token.managerA).expect(201)).body.id;
    for (const item of [
      { code: 'BED', name: '床位费', kind: 'MONTHLY', category: 'BED', amountFen: 150000, effectiveFrom: '2024-01-01' },
      {
        code: 'CARE',
        name: '护理费',
        kind: 'MONTHLY',
        category: 'CARE',
        amountFen: 80000,
        careLevel: 'SEMI_DISABLED',
        effectiveFrom: '2024-01-01',
      },
      { code: 'MEALS', name: '伙食费', kind: 'MONTHLY', category: 'MEALS', amountFen: 60000, effectiveFrom: '2024-01-01' },
      // A price change mid-year: the meals of April split by days.
      { code: 'MEALS', name: '伙食费', kind: 'MONTHLY', category: 'MEALS', amountFen: 66000, effectiveFrom: '2024-04-16' },
    ])
      await post('/fee-items', item).expect(201);
  });
  afterAll(() => w?.close());

  /** The invariants of one resident's account. */
  function check(a: Account): void {
    const issued = a.bills.filter((b) => b.state !== 'DRAFT');
    const bills = issued.filter((b) => b.totalFen > 0).reduce((s, b) => s + b.totalFen, 0);
    const credits = -issued.filter((b) => b.totalFen < 0).reduce((s, b) => s + b.totalFen, 0);
    const paid = a.payments.reduce((s, p) => s + p.amountFen, 0);
    const refunds = a.refunds.reduce((s, r) => s + r.amountFen, 0);
    // Σ ledger (the resident's balance, the deposit counted as money held) = Σ bills − Σ credits − Σ payments + Σ refunds.
    expect(a.balanceFen - a.depositFen).toBe(bills - credits - paid + refunds);
    // Balances are sums over the journal.
    const sum = (account: string) =>
      a.ledger.reduce((s, e) => s + (e.debitAccount === account ? e.amountFen : 0) - (e.creditAccount === account ? e.amountFen : 0), 0);
    expect(sum('RECEIVABLE')).toBe(a.owedFen);
    expect(sum('PREPAYMENT') + a.prepaymentFen).toBe(0);
    expect(a.owedFen).toBeGreaterThanOrEqual(0);
    expect(a.prepaymentFen).toBeGreaterThanOrEqual(0);
    // Never an older bill open while a newer one is paid (oldest first).
    const charged = issued
      .filter((b) => b.kind !== 'CREDIT_NOTE')
      .sort((x, y) => x.dueOn.localeCompare(y.dueOn) || x.month.localeCompare(y.month) || x.number.localeCompare(y.number));
    const lastPaid = charged.map((b) => b.state).lastIndexOf('PAID');
    for (const b of charged.slice(0, Math.max(lastPaid, 0))) expect(b.state).toBe('PAID');
    // Open money and prepayment never coexist: prepayment pays what is open.
    expect(a.owedFen === 0 || a.prepaymentFen === 0).toBe(true);
  }

  type Op =
    | { op: 'run'; month: number }
    | { op: 'issue'; month: number }
    | { op: 'pay'; amountFen: number }
    | { op: 'deposit'; amountFen: number }
    | { op: 'refund'; fraction: number }
    | { op: 'leave'; day: number; days: number };

  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('run' as const), month: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ op: fc.constant('issue' as const), month: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ op: fc.constant('pay' as const), amountFen: fc.integer({ min: 1, max: 400000 }) }),
    fc.record({ op: fc.constant('deposit' as const), amountFen: fc.integer({ min: 1, max: 300000 }) }),
    fc.record({ op: fc.constant('refund' as const), fraction: fc.double({ min: 0.1, max: 1, noNaN: true }) }),
    fc.record({ op: fc.constant('leave' as const), day: fc.integer({ min: 0, max: 150 }), days: fc.integer({ min: 1, max: 9 }) }),
  );

  it('random runs, issues, payments, deposits, refunds and back-dated leaves keep the ledger exact', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 40 }), fc.array(op, { minLength: 4, maxLength: 12 }), async (admittedAfter, ops) => {
        const { resident, admission } = await admit(addDays('2024-01-01', admittedAfter));
        const month = (m: number) => `2024-${String(m).padStart(2, '0')}`;
        for (const o of ops) {
          if (o.op === 'run') {
            await post('/bills/run', { month: month(o.month) }).expect(201);
            // Re-running a month changes nothing.
            expect((await post('/bills/run', { month: month(o.month) }).expect(201)).body).toMatchObject({ created: 0, updated: 0 });
          } else if (o.op === 'issue') await post('/bills/issue', { month: month(o.month) }).expect(201);
          else if (o.op === 'pay')
            await post(`/residents/${resident}/payments`, { amountFen: o.amountFen, method: 'CASH', receivedOn: '2024-07-01' }).expect(201);
          else if (o.op === 'deposit') {
            // Capped at 12 months of fees; no bed yet on the day, no deposit (docs/rules.md §9).
            const r = await post(`/residents/${resident}/deposits`, { amountFen: o.amountFen, receivedOn: '2024-02-15' });
            expect(r.status === 201 || r.body.code === 'DEPOSIT_OVER_CAP').toBe(true);
          } else if (o.op === 'refund') {
            const a: Account = (await get(`/residents/${resident}/account`).expect(200)).body;
            const from = a.prepaymentFen > 0 ? 'PREPAYMENT' : 'DEPOSIT';
            const held = from === 'PREPAYMENT' ? a.prepaymentFen : a.depositFen;
            const amountFen = Math.floor(held * o.fraction);
            if (amountFen > 0)
              await post(`/residents/${resident}/refunds`, {
                amountFen,
                from,
                method: 'CASH',
                paidOn: '2024-07-02',
                reason: '退还',
              }).expect(201);
            await post(`/residents/${resident}/refunds`, {
              amountFen: held - amountFen + 1,
              from,
              method: 'CASH',
              paidOn: '2024-07-02',
              reason: '多退',
            }).expect(422);
          } else {
            const from = addDays('2024-01-01', o.day);
            const r = await post(`/admissions/${admission}/leaves`, { from, to: addDays(from, o.days), reason: '外出' }, w.token.managerA);
            expect([201, 409, 422]).toContain(r.status);
          }
        }
        check((await get(`/residents/${resident}/account`).expect(200)).body);
      }),
      { numRuns: 12 },
    );
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('50 concurrent identical payments with one Idempotency-Key: one payment, one receipt', async () => {
    const { resident } = await admit('2025-01-01');
    const body = { amountFen: 12345, method: 'ALIPAY', reference: 'ALI-42', receivedOn: '2025-02-01' };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        w.t.http
          .post(`${base}/residents/${resident}/payments`)
          .auth(w.token.accountantA, auth)
          .set('Idempotency-Key', 'same-key-50')
          .send(body),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.receiptNumber)).size).toBe(1);
    const rows = await w.sql<{ n: number }>(`SELECT count(*)::int AS n FROM payment WHERE resident_id = $1`, [resident]);
    expect(rows[0].n).toBe(1);
  });

  it('500 concurrent payments across residents: receipt numbers 1..500, no gap, no duplicate', async () => {
    const residents: string[] = [];
    for (let i = 0; i < 5; i++) residents.push((await admit('2026-01-01')).resident);
    const answers = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        w.t.http
          .post(`${base}/residents/${residents[i % 5]}/payments`)
          .auth(w.token.accountantA, auth)
          .send({ amountFen: 100 + i, method: 'CASH', receivedOn: '2026-03-01' }),
      ),
    );
    expect(answers.filter((a) => a.status !== 201).map((a) => [a.status, a.body?.code])).toEqual([]);
    const numbers = answers.map((a) => a.body.receiptNumber as string).sort();
    expect(numbers).toEqual(Array.from({ length: 500 }, (_, i) => `SJ2026-${String(i + 1).padStart(5, '0')}`));
    const seqs = await w.sql<{ receipt_seq: number }>(`SELECT receipt_seq FROM payment WHERE receipt_year = 2026 ORDER BY receipt_seq`);
    expect(seqs.map((r) => r.receipt_seq)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
  });
});
