import { Client } from 'pg';
import { calendarDate, monthSpan, addDays } from '@careops/care';
import { appDatabaseUrl } from '@careops/db';
import { buildWorld, genderOf, idNumberFor, World } from './support/world';

type Line = {
  residentId: string;
  residentName: string;
  careLevel: string;
  days: number;
  amountFen: number;
  kind: string;
  bedCode: string | null;
  idNumberMasked: string | null;
  inCareFrom: string | null;
  inCareTo: string | null;
  explanation: { formula: string };
};

/**
 * docs/rules.md §5: when a claim may be made (the facility's calendar), the bureau's answer with its
 * facts, the history of state changes written by the database, and lines that tell residents apart.
 */
describe("claims: timing, the bureau's answer, history, telling residents apart", () => {
  let w: World;
  let base: string;
  let accountantId: string;
  let app: Client;
  const auth = { type: 'bearer' } as const;
  const asManager = (path: string, body: object) => w.t.http.post(`${base}${path}`).auth(w.token.managerA, auth).send(body);
  const asAccountant = (path: string, body: object = {}) => w.t.http.post(`${base}${path}`).auth(w.token.accountantA, auth).send(body);
  const read = async (id: string) => (await w.t.http.get(`${base}/claims/${id}`).auth(w.token.accountantA, auth).expect(200)).body;
  const refusal = (res: { status: number; body: { code: string; params?: object } }) => ({
    status: res.status,
    code: res.body.code,
    params: res.body.params,
  });
  // The facility's today: its time zone is the default, Asia/Shanghai.
  const today = calendarDate(new Date(), 'Asia/Shanghai');
  const yesterday = addDays(today, -1);
  const tomorrow = addDays(today, 1);
  const currentMonth = today.slice(0, 7);
  const nextMonth = monthSpan(currentMonth).to.slice(0, 7);
  const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;
  const ids = { wang1: idNumberFor('1940-01-01', 11), wang2: idNumberFor('1942-02-02', 12), zhang: idNumberFor('1943-03-03', 13) };
  const residents: Record<'wang1' | 'wang2' | 'zhang', string> = { wang1: '', wang2: '', zhang: '' };

  /** As the app's database role, in a transaction rolled back afterwards. */
  const asApp = async <T>(work: () => Promise<T>, userId = ''): Promise<T> => {
    await app.query('BEGIN');
    try {
      await app.query(`SELECT set_config('app.facility_id', $1, true), set_config('app.user_id', $2, true)`, [w.A, userId]);
      return await work();
    } finally {
      await app.query('ROLLBACK');
    }
  };

  beforeAll(async () => {
    w = await buildWorld();
    base = `/api/facilities/${w.A}`;
    app = new Client({ connectionString: appDatabaseUrl(w.db.url) });
    await app.connect();
    accountantId = (await w.t.http.get('/api/auth/me').auth(w.token.accountantA, auth).expect(200)).body.id;
    const room = (await asManager('/rooms', { building: '3号楼', floor: 1, number: '301' }).expect(201)).body.id;
    const bed = async (code: string) => (await asManager('/beds', { code, roomId: room, kind: 'NURSING' }).expect(201)).body.id as string;
    const beds = { w1: await bed('W-1'), w2: await bed('W-2'), w3: await bed('W-3'), w4: await bed('W-4') };
    const register = async (key: keyof typeof residents, name: string, dob: string) => {
      residents[key] = (
        await asManager('/residents', { name, gender: genderOf(ids[key]), dateOfBirth: dob, idNumber: ids[key] }).expect(201)
      ).body.id;
    };
    // Two residents of the same name, on different beds.
    await register('wang1', '王秀英', '1940-01-01');
    await register('wang2', '王秀英', '1942-02-02');
    await register('zhang', '张桂芳', '1943-03-03');
    await asManager('/admissions', {
      residentId: residents.wang1,
      bedId: beds.w1,
      admittedOn: '2025-03-01',
      careLevel: 'SEMI_DISABLED',
    }).expect(201);
    const wang2 = (
      await asManager('/admissions', {
        residentId: residents.wang2,
        bedId: beds.w2,
        admittedOn: '2025-03-10',
        careLevel: 'FULLY_DISABLED',
      }).expect(201)
    ).body.id;
    await asManager(`/admissions/${wang2}/transfer`, { bedId: beds.w3, on: '2025-03-20' }).expect(201);
    await asManager(`/admissions/${wang2}/discharge`, { dischargedOn: '2025-04-15', reason: '回家养老' }).expect(201);
    // A level change in March: two lines, one person.
    await asManager('/admissions', {
      residentId: residents.zhang,
      bedId: beds.w4,
      admittedOn: '2025-02-01',
      careLevel: 'SELF_CARE',
    }).expect(201);
    await asManager(`/residents/${residents.zhang}/assessments`, {
      careLevel: 'FULLY_DISABLED',
      effectiveOn: '2025-03-11',
      assessor: '评估员',
    }).expect(201);
  });
  afterAll(async () => {
    await app?.end();
    await w?.close();
  });

  describe("when a claim may be made: the facility's calendar", () => {
    it('a month that has not begun cannot be claimed: MONTH_NOT_STARTED with the month and today', async () => {
      expect(refusal(await asAccountant('/claims', { month: nextMonth }))).toEqual({
        status: 422,
        code: 'MONTH_NOT_STARTED',
        params: { month: nextMonth, today },
      });
    });

    it('the current month is drafted as an estimate (in the list too) and cannot be submitted: MONTH_NOT_ENDED until the next month', async () => {
      const draft = (await asAccountant('/claims', { month: currentMonth }).expect(201)).body;
      expect(draft).toMatchObject({ month: currentMonth, state: 'DRAFT', estimate: true });
      const list = (await w.t.http.get(`${base}/claims`).auth(w.token.accountantA, auth).expect(200)).body;
      expect(list.find((c: { id: string }) => c.id === draft.id)).toMatchObject({ estimate: true });
      expect(refusal(await asAccountant(`/claims/${draft.id}/submit`))).toEqual({
        status: 422,
        code: 'MONTH_NOT_ENDED',
        params: { month: currentMonth, endsOn: `${nextMonth}-01` },
      });
      expect((await read(draft.id)).state).toBe('DRAFT');
      // Even by direct SQL, an estimate is never submitted.
      await expect(
        asApp(() => app.query(`UPDATE claim SET state = 'SUBMITTED', submitted_at = now() WHERE id = $1`, [draft.id])),
      ).rejects.toThrow(/claim_estimate_is_draft/);
    });

    it('a past month is no estimate; a draft made as an estimate before its month ended is drafted again before it is submitted', async () => {
      const march = (await asAccountant('/claims', { month: '2025-03' }).expect(201)).body;
      expect(march.estimate).toBe(false);
      // As if drafted during 2025-01 and not redrafted since (the worker redrafts on the 1st).
      const january = (await asAccountant('/claims', { month: '2025-01' }).expect(201)).body;
      await w.sql(`UPDATE claim SET estimate = true WHERE id = $1`, [january.id]);
      expect(refusal(await asAccountant(`/claims/${january.id}/submit`))).toEqual({
        status: 422,
        code: 'CLAIM_ESTIMATE_STALE',
        params: { number: january.number, month: '2025-01' },
      });
      expect((await asAccountant('/claims', { month: '2025-01' }).expect(201)).body).toMatchObject({ id: january.id, estimate: false });
      expect((await asAccountant(`/claims/${january.id}/submit`).expect(201)).body.state).toBe('SUBMITTED');
    });
  });

  describe('telling residents apart', () => {
    it('two 王秀英: each line has its bed (on the last counted day), masked ID and admission dates; a level change counts once', async () => {
      const march = (await asAccountant('/claims', { month: '2025-03' }).expect(201)).body;
      const of = (id: string) => march.lines.filter((l: Line) => l.residentId === id);
      expect(of(residents.wang1)).toEqual([
        expect.objectContaining({
          residentName: '王秀英',
          bedCode: 'W-1',
          idNumberMasked: masked(ids.wang1),
          inCareFrom: '2025-03-01',
          inCareTo: null,
          careLevel: 'SEMI_DISABLED',
          days: 31,
          amountFen: 15000,
        }),
      ]);
      // Moved from W-2 to W-3 on 03-20: March ends on W-3; discharged in April.
      expect(of(residents.wang2)).toEqual([
        expect.objectContaining({
          residentName: '王秀英',
          bedCode: 'W-3',
          idNumberMasked: masked(ids.wang2),
          inCareFrom: '2025-03-10',
          inCareTo: '2025-04-15',
          careLevel: 'FULLY_DISABLED',
          days: 22,
          amountFen: 21290, // 30000 × 22 ÷ 31 = 21290.3
          explanation: expect.objectContaining({ formula: '300.00 × 22 ÷ 31 = 212.90（四舍五入到分）' }),
        }),
      ]);
      expect(masked(ids.wang1)).not.toBe(masked(ids.wang2));
      // 10 days 自理 (10000 × 10 ÷ 31 = 3225.8), 21 days 全失能 (30000 × 21 ÷ 31 = 20322.6).
      expect(of(residents.zhang).map((l: Line) => [l.careLevel, l.days, l.amountFen, l.bedCode, l.inCareFrom])).toEqual([
        ['SELF_CARE', 10, 3226, 'W-4', '2025-02-01'],
        ['FULLY_DISABLED', 21, 20323, 'W-4', '2025-02-01'],
      ]);
      expect(march.lines).toHaveLength(4);
      expect(march.totalFen).toBe(15000 + 21290 + 3226 + 20323);
      expect(march.peopleCount).toBe(3);
      // Each person once, at the level of their last line.
      expect(march.peopleByLevel).toEqual({ SELF_CARE: 0, SEMI_DISABLED: 1, FULLY_DISABLED: 2 });
      expect(march.policy).toMatchObject({ divisionCode: '000000', name: '全国默认 2020 版', divisionName: '全国' });
    });

    it('the CSV carries bed, masked ID, admission and discharge dates after 老人, and 人数', async () => {
      const [march] = await w.sql<{ id: string }>(`SELECT id FROM claim WHERE facility_id = $1 AND month = '2025-03'`, [w.A]);
      const csv = await w.t.http
        .get(`${base}/claims/${march.id}/export.csv`)
        .auth(w.token.accountantA, auth)
        .buffer(true)
        .parse((r, cb) => {
          let text = '';
          r.on('data', (d: Buffer) => (text += d.toString('utf8')));
          r.on('end', () => cb(null, text));
        })
        .expect(200);
      expect(csv.body).toContain(`,2025-03,王秀英,W-3,${masked(ids.wang2)},2025-03-10,2025-04-15,全失能,22,300.00,212.90,正常\r\n`);
      expect(csv.body).toContain(`,2025-03,王秀英,W-1,${masked(ids.wang1)},2025-03-01,,半失能,31,150.00,150.00,正常\r\n`);
      expect(csv.body).toContain('人数,2025-03,3,');
    });
  });

  describe("the bureau's answer, and the history the database writes", () => {
    it('approve with its date and amount: not in the future, not before the submission, whole fen ≥ 0; the difference is shown', async () => {
      const [march] = await w.sql<{ id: string }>(`SELECT id FROM claim WHERE facility_id = $1 AND month = '2025-03'`, [w.A]);
      const submitted = (await asAccountant(`/claims/${march.id}/submit`).expect(201)).body;
      expect(submitted.submittedAt).toEqual(expect.any(String));
      expect(refusal(await asAccountant(`/claims/${march.id}/approve`, { approvedOn: tomorrow }))).toEqual({
        status: 422,
        code: 'CLAIM_DATE_IN_FUTURE',
        params: { field: 'approvedOn', date: tomorrow, today },
      });
      expect(refusal(await asAccountant(`/claims/${march.id}/approve`, { approvedOn: yesterday }))).toEqual({
        status: 422,
        code: 'CLAIM_DATE_TOO_EARLY',
        params: { field: 'approvedOn', date: yesterday, earliest: today, after: 'the submission' },
      });
      for (const [body, field] of [
        [{ approvedFen: -1 }, 'approvedFen'],
        [{ approvedFen: 100.5 }, 'approvedFen'],
        [{ approvedFen: '59000' }, 'approvedFen'],
        [{ approvedOn: '2025-02-30' }, 'approvedOn'],
        [{ approvedOn: today, extra: 1 }, 'extra'],
      ] as const) {
        const res = await asAccountant(`/claims/${march.id}/approve`, body).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.message.join(' ')).toContain(field);
      }
      const approved = (await asAccountant(`/claims/${march.id}/approve`, { approvedOn: today, approvedFen: 59000 }).expect(201)).body;
      expect(approved).toMatchObject({
        state: 'APPROVED',
        totalFen: 59839,
        approvedOn: today,
        approvedFen: 59000,
        approvedDifferenceFen: -839,
        paidOn: null,
        paidFen: null,
        paymentReference: null,
      });
    });

    it('pay with its date, amount and bank reference; the facts never change, even by direct SQL as the app role', async () => {
      const [march] = await w.sql<{ id: string }>(`SELECT id FROM claim WHERE facility_id = $1 AND month = '2025-03'`, [w.A]);
      expect(refusal(await asAccountant(`/claims/${march.id}/pay`, { paidOn: tomorrow }))).toMatchObject({
        status: 422,
        code: 'CLAIM_DATE_IN_FUTURE',
      });
      expect(refusal(await asAccountant(`/claims/${march.id}/pay`, { paidOn: yesterday }))).toEqual({
        status: 422,
        code: 'CLAIM_DATE_TOO_EARLY',
        params: { field: 'paidOn', date: yesterday, earliest: today, after: 'the approval' },
      });
      const bad = await asAccountant(`/claims/${march.id}/pay`, { reference: '' }).expect(400);
      expect(bad.body.message.join(' ')).toContain('reference');
      const paid = (
        await asAccountant(`/claims/${march.id}/pay`, { paidOn: today, paidFen: 59000, reference: 'ICBC-2025-0042' }).expect(201)
      ).body;
      expect(paid).toMatchObject({ state: 'PAID', paidOn: today, paidFen: 59000, paymentReference: 'ICBC-2025-0042', approvedFen: 59000 });

      await expect(asApp(() => app.query(`UPDATE claim SET state = 'DRAFT' WHERE id = $1`, [march.id]))).rejects.toThrow(
        /cannot go from PAID to DRAFT/,
      );
      for (const change of ['approved_fen = 59839', `approved_on = approved_on - 1`, `paid_fen = 1`, `payment_reference = 'X'`])
        await expect(asApp(() => app.query(`UPDATE claim SET ${change} WHERE id = $1`, [march.id]))).rejects.toThrow(/cannot change/);
      await expect(asApp(() => app.query(`UPDATE claim_event SET note = 'x' WHERE claim_id = $1`, [march.id]))).rejects.toThrow(
        /permission denied/,
      );
      await expect(asApp(() => app.query(`DELETE FROM claim_event WHERE claim_id = $1`, [march.id]))).rejects.toThrow(/permission denied/);
      expect((await read(march.id)).state).toBe('PAID');
    });

    it('GET claims/:id: every state change with who and when, oldest first', async () => {
      const [march] = await w.sql<{ id: string }>(`SELECT id FROM claim WHERE facility_id = $1 AND month = '2025-03'`, [w.A]);
      const claim = await read(march.id);
      const by = { by: accountantId, byName: 'accountant.a' };
      expect(claim.history).toEqual([
        { from: null, to: 'DRAFT', at: expect.any(String), ...by },
        { from: 'DRAFT', to: 'SUBMITTED', at: expect.any(String), ...by },
        { from: 'SUBMITTED', to: 'APPROVED', at: expect.any(String), ...by },
        { from: 'APPROVED', to: 'PAID', at: expect.any(String), ...by },
      ]);
      const at = claim.history.map((e: { at: string }) => Date.parse(e.at));
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(Date.parse(claim.history[1].at)).toBe(Date.parse(claim.submittedAt));
    });

    it('reject with its date and reason (the note of the history); old clients without dates get today and the claimed amounts', async () => {
      const april = (await asAccountant('/claims', { month: '2025-04' }).expect(201)).body;
      await asAccountant(`/claims/${april.id}/submit`).expect(201);
      const rejected = (await asAccountant(`/claims/${april.id}/reject`, { reason: '缺少评估报告', rejectedOn: today }).expect(201)).body;
      expect(rejected).toMatchObject({
        state: 'REJECTED',
        rejectedOn: today,
        rejectionReason: '缺少评估报告',
        approvedDifferenceFen: null,
      });
      expect(rejected.history.at(-1)).toEqual({
        from: 'SUBMITTED',
        to: 'REJECTED',
        at: expect.any(String),
        by: accountantId,
        byName: 'accountant.a',
        note: '缺少评估报告',
      });

      const may = (await asAccountant('/claims', { month: '2025-05' }).expect(201)).body;
      await asAccountant(`/claims/${may.id}/submit`).expect(201);
      const approved = (await asAccountant(`/claims/${may.id}/approve`).expect(201)).body;
      expect(approved).toMatchObject({ approvedOn: today, approvedFen: may.totalFen, approvedDifferenceFen: 0 });
      const paid = (await asAccountant(`/claims/${may.id}/pay`).expect(201)).body;
      expect(paid).toMatchObject({ state: 'PAID', paidOn: today, paidFen: may.totalFen, paymentReference: null });
      expect(paid.history.map((e: { to: string }) => e.to)).toEqual(['DRAFT', 'SUBMITTED', 'APPROVED', 'PAID']);
    });

    it('no code path skips the history: a state change by direct SQL as the app role writes its event with the acting user', async () => {
      const june = (await asAccountant('/claims', { month: '2025-06' }).expect(201)).body;
      const events = await asApp(async () => {
        await app.query(`UPDATE claim SET state = 'SUBMITTED', submitted_at = now(), submitted_by = $2 WHERE id = $1`, [
          june.id,
          accountantId,
        ]);
        return (
          await app.query(`SELECT from_state, to_state, by_user FROM claim_event WHERE claim_id = $1 ORDER BY at, written_at`, [june.id])
        ).rows;
      }, accountantId);
      expect(events).toEqual([
        { from_state: null, to_state: 'DRAFT', by_user: accountantId },
        { from_state: 'DRAFT', to_state: 'SUBMITTED', by_user: accountantId },
      ]);
      // Rolled back: still a draft with its one event.
      expect((await read(june.id)).history).toHaveLength(1);
    });
  });
});
