import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { ClsService } from 'nestjs-cls';
import type { Principal } from '@careops/db';
import { PdfRenderer } from '@careops/pdf';
import { AppConfig } from '@careops/platform';
import { DocumentIssuer, DocumentRegistry, DocumentRequests, ReportsRepository, ReportsService } from '@careops/reports';
import { qrCodesOf } from './support/pdf-qr';
import { binary, textOf } from './support/pdf-text';
import { buildWorld, populate, World } from './support/world';

const PUBLIC_BASE_URL = 'https://careops.example.cn';

/** Kept under tmp/ for a look (pdftoppm -png), as test/documents.e2e-spec.ts keeps its documents. */
function keep(name: string, pdf: Buffer) {
  const dir = join(process.cwd(), 'tmp', 'documents');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), pdf);
}
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** The month in progress in UTC+8 (the facilities' time zone): its reports are 预估 drafts. */
const thisMonth = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);

/**
 * docs/rules.md §8, the register: a document is issued once (the same facts give back the same number and
 * bytes; changed facts a new version naming the one it replaces), drafts are not registered, every
 * issued document carries a QR code of its public verification, and verification says what the
 * document is — for a claim its current state and total — never who asked for it.
 */
describe('the document register (docs/rules.md §8)', () => {
  let w: World;
  const auth = { type: 'bearer' } as const;
  const get = (path: string, token: string) => binary(w.t.http.get(path).auth(token, auth));
  let claim: { id: string; number: string; total_fen: string };
  const claimPdf = () => `/api/facilities/${w.A}/reports/claim/${claim.id}.pdf`;
  const rows = async (where: string, values: unknown[] = []) =>
    (await w.sql<{ n: number }>(`SELECT count(*)::int AS n FROM document WHERE ${where}`, values))[0].n;

  beforeAll(async () => {
    w = await buildWorld({ PUBLIC_BASE_URL });
    await populate(w, w.A, w.token.managerA, 1);
    [claim] = await w.sql(`SELECT id, number, total_fen::text FROM claim WHERE facility_id = $1 AND month = '2026-01'`, [w.A]);
  }, 60_000);
  afterAll(() => w?.close());

  const pdfOf = (res: Response): Buffer => {
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(res.headers['x-document-sha256']).toBe(sha256(pdf));
    return pdf;
  };

  it('a claim in DRAFT prints as 草稿 without number or QR code, and is not registered', async () => {
    const before = await rows('true');
    const res = await get(claimPdf(), w.token.accountantA).expect(200);
    const pdf = pdfOf(res);
    expect(res.headers['x-document-number']).toBeUndefined();
    expect(res.headers['x-document-provisional']).toBe('DRAFT');
    const text = textOf(pdf);
    expect(text).toContain('草稿 · 未登记，不作为正式单据');
    expect(text).not.toMatch(/CLM-\d{8}-\d{6}/);
    expect(qrCodesOf(pdf)).toEqual([]);
    expect(await rows('true')).toBe(before);
    await w.t.http.get(`/api/documents/${sha256(pdf)}`).expect(404);
  });

  it('reports of a month not yet over are 预估 drafts: watermarked, no number, no QR code, not registered', async () => {
    const before = await rows('true');
    for (const path of [
      `/api/facilities/${w.A}/reports/compliance.pdf?month=${thisMonth()}`,
      `/api/facilities/${w.A}/reports/operations.pdf?month=${thisMonth()}`,
    ]) {
      const res = await get(path, w.token.managerA).expect(200);
      const pdf = pdfOf(res);
      keep(`${path.includes('compliance') ? 'compliance' : 'operations'}-estimate.pdf`, pdf);
      expect(res.headers['x-document-provisional']).toBe('ESTIMATE');
      expect(res.headers['x-document-number']).toBeUndefined();
      const text = textOf(pdf);
      expect(text).toContain('预估 · 未登记，不作为正式单据');
      expect(text).not.toMatch(/(CMP|OPS)-\d{8}-\d{6}/);
      expect(qrCodesOf(pdf)).toEqual([]);
    }
    const division = await get(`/api/divisions/410400/summary.pdf?month=${thisMonth()}`, w.token.reg410400).expect(200);
    expect(division.headers['x-document-provisional']).toBe('ESTIMATE');
    expect(textOf(division.body)).toContain('预估 · 未登记，不作为正式单据');
    expect(await rows('true')).toBe(before);
  });

  let first: { number: string; pdf: Buffer };

  it('issued once: the submitted claim downloaded twice, by two people, is one number and the same bytes', async () => {
    await w.t.http.post(`/api/facilities/${w.A}/claims/${claim.id}/submit`).auth(w.token.accountantA, auth).expect(201);
    const one = await get(claimPdf(), w.token.accountantA).expect(200);
    const two = await get(claimPdf(), w.token.managerA).expect(200);
    const number = one.headers['x-document-number'] as string;
    expect(number).toMatch(/^CLM-\d{8}-\d{6}$/);
    expect(one.headers['x-document-version']).toBe('1');
    expect({ number: two.headers['x-document-number'], sha256: sha256(pdfOf(two)) }).toEqual({ number, sha256: sha256(pdfOf(one)) });
    expect(Buffer.compare(one.body, two.body)).toBe(0);
    expect(await rows('claim_id = $1', [claim.id])).toBe(1);
    const [stored] = await w.sql<{ sha: string; bytes: number }>(
      `SELECT encode(sha256(pdf), 'hex') AS sha, octet_length(pdf) AS bytes FROM document WHERE number = $1`,
      [number],
    );
    expect(stored).toEqual({ sha: sha256(one.body), bytes: one.body.length });
    const text = textOf(one.body);
    expect(text).toContain(`编号 ${number}`);
    expect(text).toContain('第 1 版');
    expect(text).not.toContain('替代');
    first = { number, pdf: one.body };
  });

  it('the QR code on the issued document opens its public verification page', () => {
    expect(qrCodesOf(first.pdf)).toEqual([`${PUBLIC_BASE_URL}/verify?code=${first.number}`]);
  });

  it("verification by number, printed code or the file's SHA-256: what it is, the claim's state and total now, never who asked", async () => {
    const code = /核验码（SHA-256）([0-9a-f]{64})/.exec(textOf(first.pdf).replace(/\s+/g, ''))?.[1] as string;
    expect(code).toMatch(/^[0-9a-f]{64}$/);
    for (const [ref, matched] of [
      [first.number, 'NUMBER'],
      [code, 'CODE'],
      [sha256(first.pdf), 'FILE'],
      [sha256(first.pdf).toUpperCase(), 'FILE'],
    ]) {
      const res = await w.t.http.get(`/api/documents/${ref}`).expect(200);
      expect(res.body).toEqual({
        valid: true,
        matched,
        number: first.number,
        kind: 'CLAIM',
        title: '养老服务补贴申领表',
        version: 1,
        replacedBy: null,
        facilityName: '颐康综合养老服务中心',
        divisionCode: '410421',
        divisionName: '河南省平顶山市宝丰县',
        period: '2026-01',
        sha256: sha256(first.pdf),
        issuedAt: expect.any(String),
        state: 'SUBMITTED',
        totalFen: Number(claim.total_fen),
      });
      expect(JSON.stringify(res.body)).not.toMatch(/accountant|manager|ACCOUNTANT|FACILITY_MANAGER|requested/i);
    }
    expect(Number(claim.total_fen)).toBeGreaterThan(0);
    await w.t.http.get('/api/documents/CLM-20260101-999999').expect(404);
    await w.t.http.get(`/api/documents/${'0'.repeat(64)}`).expect(404);
    await w.t.http.get('/api/documents/bogus').expect(404);
  });

  it('changed facts are a new version: a new number that prints 替代 the old one; the old one verifies as replaced by it', async () => {
    await w.t.http.post(`/api/facilities/${w.A}/claims/${claim.id}/approve`).auth(w.token.accountantA, auth).expect(201);
    // Before anyone downloads it again, the old document already tells the claim's state now.
    expect((await w.t.http.get(`/api/documents/${first.number}`).expect(200)).body).toMatchObject({ state: 'APPROVED', replacedBy: null });
    const res = await get(claimPdf(), w.token.accountantA).expect(200);
    const number = res.headers['x-document-number'] as string;
    keep('claim-v2.pdf', res.body);
    expect(number).not.toBe(first.number);
    expect(res.headers['x-document-version']).toBe('2');
    expect(res.headers['x-document-replaces']).toBe(first.number);
    const text = textOf(pdfOf(res)).replace(/\s+/g, ' ');
    expect(text).toContain(`替代 ${first.number}`);
    expect(text).toContain('第 2 版');
    expect(text).toContain('已批准');
    expect(qrCodesOf(res.body)).toEqual([`${PUBLIC_BASE_URL}/verify?code=${number}`]);
    expect((await w.t.http.get(`/api/documents/${first.number}`).expect(200)).body).toMatchObject({
      version: 1,
      replacedBy: number,
      state: 'APPROVED',
    });
    expect((await w.t.http.get(`/api/documents/${number}`).expect(200)).body).toMatchObject({ version: 2, replacedBy: null });
    // And that version, too, is issued once.
    const again = await get(claimPdf(), w.token.managerA).expect(200);
    expect({ number: again.headers['x-document-number'], sha256: sha256(again.body) }).toEqual({ number, sha256: sha256(res.body) });
    expect(await rows('claim_id = $1', [claim.id])).toBe(2);
  });

  it('10 parallel first downloads of the same report register exactly one document', async () => {
    const path = `/api/facilities/${w.A}/reports/operations.pdf?month=2026-01`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => get(path, w.token.managerA)));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((r) => r.headers['x-document-number'])).size).toBe(1);
    expect(new Set(answers.map((r) => sha256(r.body))).size).toBe(1);
    expect(await rows(`facility_id = $1 AND kind = 'OPERATIONS' AND period = '2026-01'`, [w.A])).toBe(1);
  });

  it('10 processes issuing the same facts at once (each its own issuer): the register keeps one, the others read it', async () => {
    const app = w.t.app;
    const cls = app.get(ClsService);
    const [manager] = await w.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'manager.a'`);
    const principal: Principal = { userId: manager.id, username: 'manager.a', role: 'FACILITY_MANAGER', facilityId: w.A };
    const issued = await cls.run(async () => {
      cls.set('principal', principal);
      const draft = await app.get(DocumentRequests).read(w.A, () => app.get(ReportsService).compliance('2026-01'));
      // As ten API processes would: no shared memory, only the database between them.
      const issuers = Array.from(
        { length: 10 },
        () => new DocumentIssuer(cls, app.get(DocumentRegistry), app.get(PdfRenderer), app.get(ReportsRepository), app.get(AppConfig)),
      );
      return Promise.all(issuers.map((i) => i.issue(draft)));
    });
    expect(new Set(issued.map((d) => d.number)).size).toBe(1);
    expect(new Set(issued.map((d) => d.sha256)).size).toBe(1);
    expect(await rows(`facility_id = $1 AND kind = 'COMPLIANCE' AND period = '2026-01' AND subject IS NOT NULL`, [w.A])).toBe(1);
    // The HTTP route then sends that very document.
    const res = await get(`/api/facilities/${w.A}/reports/compliance.pdf?month=2026-01`, w.token.managerA).expect(200);
    expect({ number: res.headers['x-document-number'], sha256: sha256(res.body) }).toEqual({
      number: issued[0].number,
      sha256: issued[0].sha256,
    });
  });

  it('the database keeps the register honest: stored bytes match their SHA-256, a version replaces the one before', async () => {
    const [doc] = await w.sql<{ id: string; subject: string }>(`SELECT id, subject FROM document WHERE number = $1`, [first.number]);
    const [second] = await w.sql<{ id: string }>(`SELECT id FROM document WHERE subject = $1 AND version = 2`, [doc.subject]);
    const insert = (number: string, pdf: string, sha: string, version: number, replaces: string | null) =>
      w.sql(
        `INSERT INTO document (number, kind, title, facility_id, period, subject, facts_hash, version, replaces, sha256, content_hash, bytes, pdf,
                               requested_by_name, requested_by_role)
         VALUES ($1, 'CLAIM', '养老服务补贴申领表', $2, '2026-01', $3, repeat('c', 64), $4, $5, $6, repeat('d', 64), length($7), convert_to($7, 'UTF8'),
                 'test', 'ACCOUNTANT')`,
        [number, w.A, doc.subject, version, replaces, sha, pdf],
      );
    await expect(insert('TEST-1', 'x', sha256(Buffer.from('y')), 3, second.id)).rejects.toThrow(/document_pdf_is_its_hash/);
    await expect(insert('TEST-2', 'x', sha256(Buffer.from('x')), 3, doc.id)).rejects.toThrow(/must replace version 2/);
    await expect(insert('TEST-3', 'x', sha256(Buffer.from('x')), 1, null)).rejects.toThrow(/document_version/);
  });

  it('verification is rate-limited per client address: 429 with Retry-After beyond 60 a minute', async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 62; i++) {
      const res = await w.t.http.get(`/api/documents/${first.number}`);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers['retry-after'];
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
