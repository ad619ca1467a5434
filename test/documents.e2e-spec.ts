import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { Response } from 'supertest';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { appDatabaseUrl, PG_BOSS } from '@careops/db';
import { Client } from 'pg';
import { PdfRenderer } from '@careops/pdf';
import { ReportJobsWorker, ReportsService } from '@careops/reports';

const squeezedText = (text: string) => text.replace(/[ \t]+/g, ' ');
import { binary, textOf } from './support/pdf-text';
import { buildWorld, populate, World } from './support/world';

/** The compressed size of each entry by the offset of its local header, from the central directory. */
function centralSizes(zip: Buffer): Map<number, number> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const sizes = new Map<number, number>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    sizes.set(zip.readUInt32LE(at + 42), zip.readUInt32LE(at + 20));
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return sizes;
}

/**
 * The entries of a ZIP, read from its local headers (deflate or stored). An archive written as a
 * stream puts each size in a data descriptor after the data (flag bit 3): the size is then the
 * central directory's.
 */
function unzip(zip: Buffer): { name: string; data: Buffer }[] {
  const out: { name: string; data: Buffer }[] = [];
  const streamed = centralSizes(zip);
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const described = (zip.readUInt16LE(at + 6) & 0x08) !== 0;
    const method = zip.readUInt16LE(at + 8);
    const size = described ? (streamed.get(at) as number) : zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const body = zip.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    out.push({ name, data: method === 8 ? inflateRawSync(body) : Buffer.from(body) });
    // The data descriptor: signature, CRC-32, compressed and uncompressed sizes.
    at +=
      30 + nameLength + extra + size + (described ? (zip.readUInt32LE(at + 30 + nameLength + extra + size) === 0x08074b50 ? 16 : 12) : 0);
  }
  return out;
}

/** Chromium's processes under `pid` (children of its zygotes included) of one `--type=`, read from /proc. */
function chromiumProcesses(pid: number, type: string): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const [state, ppid] = readFileSync(`/proc/${entry}/stat`, 'utf8')
        .replace(/^.*\) /s, '')
        .split(' ');
      if (state !== 'Z') parentOf.set(Number(entry), Number(ppid));
    } catch {
      // gone meanwhile
    }
  }
  const under = (p: number): boolean => {
    const up = parentOf.get(p);
    return up === pid || (up !== undefined && up > 1 && under(up));
  };
  const isType = (p: number) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(`--type=${type}`);
    } catch {
      return false;
    }
  };
  return [...parentOf.keys()].filter((p) => under(p) && isType(p));
}

const seconds = (since: number) => (Date.now() - since) / 1000;

/** The month in progress in UTC+8 (the facilities' time zone): its reports are 预估 drafts. */
const thisMonth = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);

/** Each document is kept under tmp/ for a look (pdftoppm -png); docs/samples holds committed ones. */
function keep(name: string, pdf: Buffer) {
  const dir = join(process.cwd(), 'tmp', 'documents');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), pdf);
}

/**
 * The four documents of docs/rules.md §8, rendered with real Chromium and
 * the CJK font; pdftotext proves every Chinese heading, name and figure is really text in the PDF.
 */
describe('the PDF documents', () => {
  let w: World;
  const auth = { type: 'bearer' } as const;
  const get = (path: string, token: string) => binary(w.t.http.get(path).auth(token, auth));

  beforeAll(async () => {
    w = await buildWorld();
    await populate(w, w.A, w.token.managerA, 1);
    // A facility of 平顶山市 with no beds yet: its ratios print "—".
    await w.t.http
      .post('/api/facilities')
      .auth(w.token.admin, auth)
      .send({ name: '新华区筹建养老院', type: 'CARE_HOME', divisionCode: '410402', buildingAreaM2: 800 })
      .expect(201);
  }, 60_000);
  afterAll(() => w?.close());

  const pdfOf = (res: Response) => {
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.headers['x-document-sha256']).toBe(createHash('sha256').update(pdf).digest('hex'));
    return pdf;
  };

  it('养老服务补贴申领表 of a claim in DRAFT: watermarked 草稿, no number, not registered', async () => {
    const [claim] = await w.sql<{ id: string; number: string }>(
      `SELECT id, number FROM claim WHERE facility_id = $1 AND month = '2026-01'`,
      [w.A],
    );
    const [before] = await w.sql<{ n: number }>(`SELECT count(*)::int AS n FROM document`);
    const res = await get(`/api/facilities/${w.A}/reports/claim/${claim.id}.pdf`, w.token.accountantA).expect(200);
    const pdf = pdfOf(res);
    keep('claim-draft.pdf', pdf);
    expect(res.headers['x-document-number']).toBeUndefined();
    expect(res.headers['x-document-provisional']).toBe('DRAFT');
    const text = textOf(pdf);
    for (const s of ['养老服务补贴申领表', '草稿 · 未登记，不作为正式单据', '测试老人11', '130.65']) expect(text).toContain(s);
    expect(text).not.toMatch(/CLM-\d{8}-\d{6}/);
    expect(text).not.toContain('核验码（SHA-256）');
    expect((await w.sql<{ n: number }>(`SELECT count(*)::int AS n FROM document`))[0].n).toBe(before.n);
    await w.t.http.get(`/api/documents/${res.headers['x-document-sha256']}`).expect(404);
  });

  it('养老服务补贴申领表: lines with masked ID numbers, totals by level, the amount in words, signatures', async () => {
    const [claim] = await w.sql<{ id: string; number: string }>(
      `SELECT id, number FROM claim WHERE facility_id = $1 AND month = '2026-01'`,
      [w.A],
    );
    await w.t.http.post(`/api/facilities/${w.A}/claims/${claim.id}/submit`).auth(w.token.accountantA, auth).expect(201);
    const res = await get(`/api/facilities/${w.A}/reports/claim/${claim.id}.pdf`, w.token.accountantA).expect(200);
    const pdf = pdfOf(res);
    keep('claim.pdf', pdf);
    const text = textOf(pdf);
    // 测试老人11, 半失能 from 01-05: 15000 × 27 ÷ 31 = 13064.5… → ¥130.65 (docs/rules.md §5).
    for (const s of [
      '养老服务补贴申领表',
      '颐康综合养老服务中心',
      claim.number,
      '测试老人11',
      '半失能',
      '130.65',
      '壹佰叁拾元陆角伍分',
      '机构负责人（签字）',
      '会计（签字）',
      res.headers['x-document-number'],
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/410421\*{8}\d{3}[\dX]/);
    expect(text).not.toMatch(/410421194\d{8}/); // never the full ID number
    expect(text).not.toContain('草稿 · 未登记');
  });

  it('养老机构合规报告: metrics against targets, the daily staffing table, beds by kind, standards checks', async () => {
    const res = await get(`/api/facilities/${w.A}/reports/compliance.pdf?month=2026-01`, w.token.reg410400).expect(200);
    const pdf = pdfOf(res);
    keep('compliance.pdf', pdf);
    const text = textOf(pdf);
    // January: 1 of 2 beds nursing-type → 50.00 % (below 55 %); 27 of 62 bed-days → 43.55 %; staffing met every day.
    for (const s of [
      '养老机构合规报告',
      '颐康综合养老服务中心',
      '护理型床位占比',
      '50.00 %',
      '43.55 %',
      '100.00 %',
      '持证上岗率',
      '每日护理人员配备',
      '01-31',
      '标准与安全检查',
      '未达标',
      res.headers['x-document-number'],
    ]) {
      expect(text).toContain(s);
    }
    expect(execFileSync('pdfinfo', ['-'], { input: pdf }).toString()).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('月度运营报表: admissions, census by level, the occupancy trend', async () => {
    const res = await get(`/api/facilities/${w.A}/reports/operations.pdf?month=2026-01`, w.token.managerA).expect(200);
    const pdf = pdfOf(res);
    keep('operations.pdf', pdf);
    const text = textOf(pdf);
    for (const s of [
      '月度运营报表',
      '颐康综合养老服务中心',
      '入住率走势',
      '分级在院人数',
      '测试老人11',
      '2026-01-05',
      '43.55 %',
      res.headers['x-document-number'],
    ])
      expect(text).toContain(s);
    // The occupancy trend drawn by ECharts (docs/rules.md §8): its legend and axis are text in the PDF, in the CJK font.
    expect(squeezedText(text)).toMatch(/入住率 %/);
    expect(squeezedText(text)).toMatch(/100%/);
  });

  it('the charts are inline SVG drawn on the server: a path per series, no script', async () => {
    const res = await get(`/api/facilities/${w.A}/reports/compliance.html?month=2026-01`, w.token.managerA).expect(200);
    const html = (res.body as Buffer).toString('utf8');
    const svg = /<svg class="chart" role="img"[^>]*>[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).toMatch(/<path d="M[\d.]+ [\d.]+L/);
    expect(svg).toContain('应配护理员');
    expect(html).not.toMatch(/<script/);
  });

  it('辖区汇总表: one row per facility of the division, "—" for no beds; anyone holding it can verify it', async () => {
    const res = await get('/api/divisions/410400/summary.pdf?month=2026-01', w.token.reg410400).expect(200);
    const pdf = pdfOf(res);
    keep('division.pdf', pdf);
    const text = textOf(pdf);
    for (const s of ['辖区汇总表', '颐康综合养老服务中心', '新华区筹建养老院', '—', '50.00 %', res.headers['x-document-number']])
      expect(text).toContain(s);
    expect(text).not.toContain('安阳县'); // 410522 is not 平顶山市
    await get('/api/divisions/410400/summary.pdf?month=2026-01', w.token.reg370000).expect(404);

    // Verification, without a token: by the file's SHA-256, or by the code printed on it.
    const sha = createHash('sha256').update(pdf).digest('hex');
    const byFile = await w.t.http.get(`/api/documents/${sha}`).expect(200);
    expect(byFile.body).toMatchObject({
      valid: true,
      matched: 'FILE',
      kind: 'DIVISION_SUMMARY',
      title: '辖区汇总表',
      number: res.headers['x-document-number'],
      period: '2026-01',
      divisionCode: '410400',
    });
    expect(byFile.body).not.toHaveProperty('requestedBy'); // public: what the document is, never who asked for it
    const code = /核验码（SHA-256）([0-9a-f]{64})/.exec(text.replace(/\s+/g, ''))?.[1];
    expect(code).toMatch(/^[0-9a-f]{64}$/);
    expect((await w.t.http.get(`/api/documents/${code}`).expect(200)).body).toMatchObject({
      matched: 'CODE',
      number: res.headers['x-document-number'],
    });
    await w.t.http.get(`/api/documents/${'0'.repeat(64)}`).expect(404);
    await w.t.http.get('/api/documents/not-a-hash').expect(404);
  });

  it('a report job: the division summary runs in the background with progress, then its PDF is there', async () => {
    const started = await w.t.http
      .post('/api/divisions/410400/summary-jobs')
      .auth(w.token.reg410400, auth)
      .send({ month: '2026-01' })
      .expect(202);
    expect(started.body).toMatchObject({ state: 'QUEUED', percent: 0 });
    await w.t.http.get(`/api/jobs/${started.body.id}`).auth(w.token.reg410000, auth).expect(404); // only the one who asked
    // …and the database agrees: as the application role, another user's transaction sees no such row.
    const users = Object.fromEntries(
      (await w.sql<{ username: string; id: string }>(`SELECT username, id FROM app_user`)).map((u) => [u.username, u.id]),
    );
    const app = new Client({ connectionString: appDatabaseUrl(w.db.url) });
    await app.connect();
    const seenBy = async (userId: string) => {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.user_id', $1, true)`, [userId]);
      const { rows } = await app.query(`SELECT count(*)::int AS n FROM report_job WHERE id = $1`, [started.body.id]);
      await app.query('ROLLBACK');
      return rows[0].n;
    };
    expect({ owner: await seenBy(users['reg.410400']), other: await seenBy(users['reg.410000']) }).toEqual({ owner: 1, other: 0 });
    await app.end();
    // No worker process runs here: the worker's own processor runs the job, as pg-boss would call it.
    const worker = new ReportJobsWorker(
      w.t.app.get(PG_BOSS),
      w.t.app.get(DataSource),
      w.t.app.get(TransactionHost),
      w.t.app.get(ClsService),
      w.t.app.get(ReportsService),
    );
    const seen: number[] = [];
    const polling = (async () => {
      for (let i = 0; i < 200; i++) {
        const j = (await w.t.http.get(`/api/jobs/${started.body.id}`).auth(w.token.reg410400, auth)).body;
        seen.push(j.percent);
        if (j.state === 'DONE' || j.state === 'FAILED') return j;
        await new Promise((r) => setTimeout(r, 10));
      }
      return null;
    })();
    await worker.run(started.body.id);
    const done = await polling;
    expect(seen[0]).toBeLessThan(100);
    expect(done).toMatchObject({
      state: 'DONE',
      percent: 100,
      done: 2,
      total: 2,
      resultUrl: `/api/jobs/${started.body.id}/result`,
      document: { number: expect.stringMatching(/^DIV-/) },
    });
    const result = await get(`/api/jobs/${started.body.id}/result`, w.token.reg410400).expect(200);
    expect(textOf(result.body)).toContain('辖区汇总表');
    expect(createHash('sha256').update(result.body).digest('hex')).toBe(done.document.sha256);
  });

  it('a year of claim PDFs as a job: each issued and recorded, together in one ZIP; a year without claims fails clearly', async () => {
    const worker = new ReportJobsWorker(
      w.t.app.get(PG_BOSS),
      w.t.app.get(DataSource),
      w.t.app.get(TransactionHost),
      w.t.app.get(ClsService),
      w.t.app.get(ReportsService),
    );
    const start = (year: number) =>
      w.t.http.post(`/api/facilities/${w.A}/reports/claim-jobs`).auth(w.token.accountantA, auth).send({ year }).expect(202);
    await w.t.http.post(`/api/facilities/${w.A}/reports/claim-jobs`).auth(w.token.managerB, auth).send({ year: 2026 }).expect(404);
    const job = (await start(2026)).body;
    await worker.run(job.id);
    expect((await w.t.http.get(`/api/jobs/${job.id}`).auth(w.token.accountantA, auth).expect(200)).body).toMatchObject({
      state: 'DONE',
      percent: 100,
      done: 1,
      total: 1,
    });
    const res = await get(`/api/jobs/${job.id}/result`, w.token.accountantA).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzip(res.body);
    // Each named by what, whose, month and number (docs/api.md: file names), in UTF-8.
    expect(files.map((f) => f.name)).toEqual(['养老服务补贴申领表-颐康综合养老服务中心-2026-01-2026-0001.pdf']);
    expect(textOf(files[0].data)).toContain('养老服务补贴申领表');
    // Each PDF in the archive is a recorded document anyone can verify.
    await w.t.http.get(`/api/documents/${createHash('sha256').update(files[0].data).digest('hex')}`).expect(200);
    const empty = (await start(2019)).body;
    await worker.run(empty.id);
    expect((await w.t.http.get(`/api/jobs/${empty.id}`).auth(w.token.accountantA, auth).expect(200)).body).toMatchObject({
      state: 'FAILED',
      error: 'no claims in 2019 (该年度无申领)',
      resultUrl: null,
    });
  });

  /** Waits until Chromium holds a render (not before it starts, nor after it ends). */
  const rendering = async () => {
    const renderer = w.t.app.get(PdfRenderer);
    for (let i = 0; i < 2500 && renderer.stats().active === 0; i++) await new Promise((r) => setTimeout(r, 2));
    expect(renderer.stats().active).toBe(1);
  };

  // a crash fails the request it hits at once, as 503 + Retry-After (not after PDF_TIMEOUT_MS), and the next one is served.
  for (const [what, victims] of [
    ['chromium kill -9', (pid: number) => [pid]],
    ['kill -9 of its renderer processes', (pid: number) => chromiumProcesses(pid, 'renderer')],
  ] as const) {
    it(`${what} during a render: that request gets 503 with Retry-After within 2 s, the next one 200`, async () => {
      const renderer = w.t.app.get(PdfRenderer);
      // This month's report is a 预估 draft: rendered on every request (an issued one is sent from the register).
      const path = `/api/facilities/${w.A}/reports/compliance.pdf?month=${thisMonth()}`;
      await get(path, w.token.managerA).expect(200);
      const pid = renderer.browserPid() as number;
      expect(pid).toBeGreaterThan(0);
      const pending = get(path, w.token.managerA).then((r) => r);
      await rendering();
      const killed = victims(pid);
      expect(killed.length).toBeGreaterThan(0);
      const killedAt = Date.now();
      for (const p of killed) process.kill(p, 'SIGKILL');
      const failed = await pending;
      const failedAfter = seconds(killedAt);
      expect(failed.status).toBe(503);
      expect(Number(failed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(failed.body.toString())).toMatchObject({
        statusCode: 503,
        requestId: expect.any(String),
        message: [expect.stringContaining('try again shortly')],
      });
      expect(failedAfter).toBeLessThanOrEqual(2);
      const nextAt = Date.now();
      const next = await get(path, w.token.managerA).expect(200);
      expect(textOf(next.body)).toContain('养老机构合规报告');
      console.log(
        `[faults] ${what} mid-render → 503 (Retry-After ${failed.headers['retry-after']}) after ${failedAfter.toFixed(2)} s; next render 200 in ${seconds(nextAt).toFixed(2)} s`,
      );
    });
  }

  it('chromium kill -9 under a report job: the job renders its document again and ends DONE', async () => {
    const renderer = w.t.app.get(PdfRenderer);
    const worker = new ReportJobsWorker(
      w.t.app.get(PG_BOSS),
      w.t.app.get(DataSource),
      w.t.app.get(TransactionHost),
      w.t.app.get(ClsService),
      w.t.app.get(ReportsService),
    );
    await get(`/api/facilities/${w.A}/reports/operations.pdf?month=2026-01`, w.token.managerA).expect(200); // Chromium up
    const crashes = renderer.stats().crashes;
    // February's summary was never issued: the job renders it (January's is sent from the register).
    const job = (
      await w.t.http.post('/api/divisions/410400/summary-jobs').auth(w.token.reg410400, auth).send({ month: '2026-02' }).expect(202)
    ).body;
    const startedAt = Date.now();
    const running = worker.run(job.id);
    await rendering();
    process.kill(renderer.browserPid() as number, 'SIGKILL');
    await running;
    expect(renderer.stats().crashes).toBe(crashes + 1);
    const done = (await w.t.http.get(`/api/jobs/${job.id}`).auth(w.token.reg410400, auth).expect(200)).body;
    expect(done).toMatchObject({ state: 'DONE', percent: 100, error: null, document: { number: expect.stringMatching(/^DIV-/) } });
    expect(textOf((await get(`/api/jobs/${job.id}/result`, w.token.reg410400).expect(200)).body)).toContain('辖区汇总表');
    console.log(`[faults] chromium kill -9 under a report job → rendered again, job DONE after ${seconds(startedAt).toFixed(2)} s`);
  });
});
