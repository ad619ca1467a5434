import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { factsOf } from './support/facts';
import { binary, squeezed, textOf } from './support/pdf-text';
import { buildWorld, World } from './support/world';

/** The §4a example: every item at its maximum but 洗澡 2, 上下楼梯 1, 记忆 2 (90 − 2 − 2 − 2 = 84). */
const ITEMS: Record<string, number> = {
  'B1.1': 4,
  'B1.2': 4,
  'B1.3': 2,
  'B1.4': 4,
  'B1.5': 4,
  'B1.6': 4,
  'B1.7': 4,
  'B1.8': 4,
  'B2.1': 4,
  'B2.2': 4,
  'B2.3': 4,
  'B2.4': 1,
  'B3.1': 4,
  'B3.2': 4,
  'B3.3': 4,
  'B3.4': 2,
  'B3.5': 4,
  'B3.6': 4,
  'B3.7': 1,
  'B3.8': 1,
  'B3.9': 2,
  'B4.1': 2,
  'B4.2': 2,
  'B4.3': 4,
  'B4.4': 3,
  'B4.5': 4,
};

/**
 * 老年人能力评估报告 (docs/rules.md §4a, §8): the report of a scored assessment prints whom, why and
 * when, every item with its score and the option chosen, the group subtotals, the total, the grade
 * before and after the adjustments with the reasons, the level, Part A and both assessors; it is a
 * registered document; an assessment recorded as a level only has none (422), another facility's
 * is not found (404), nor is a voided one.
 */
describe('the ability assessment report (docs/rules.md §4a, §8)', () => {
  let w: World;
  const auth = { type: 'bearer' } as const;
  let resident: string;
  let scored: string;
  let unscored: string;

  beforeAll(async () => {
    w = await buildWorld();
    const f = factsOf(w, w.A, w.token.managerA);
    const room = await f.room('501');
    resident = await f.resident('赵评估', '1940-03-08');
    await f.admit(resident, await f.bed(room, 'P1', 'NURSING'), '2026-05-01', 'SELF_CARE');
    // The level recorded with the admission is not scored.
    const history = (await w.t.http.get(`${f.base}/residents/${resident}/assessments`).auth(w.token.managerA, auth).expect(200)).body;
    unscored = history[0].id;
    scored = (
      await f.post(`/residents/${resident}/assessments`, {
        instrument: 'GB/T 42195-2022',
        reason: 'ROUTINE',
        assessedOn: '2026-05-14',
        effectiveOn: '2026-05-16',
        assessors: ['李评估员', '王评估员'],
        items: ITEMS,
        diagnoses: ['F01'],
        riskEvents30d: { FALL: 1 },
        coma: false,
      })
    ).id;
  }, 180_000);
  afterAll(() => w?.close());

  const report = (facilityId: string, id: string, token: string) =>
    binary(w.t.http.get(`/api/facilities/${facilityId}/reports/assessment/${id}.pdf`).auth(token, auth));

  it('prints the items with the option chosen, the subtotals, the total, both grades with the reason, the level and both assessors', async () => {
    const res: Response = await report(w.A, scored, w.token.managerA).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    const dir = join(process.cwd(), 'tmp', 'documents');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'assessment.pdf'), pdf);
    // One line of words: pdftotext may break a row's cell onto the next line (a full-width colon).
    // Scores read `84/90` whatever the spacing the font gives them.
    const text = squeezed(textOf(pdf))
      .replace(/\s+/g, ' ')
      .replace(/(\d) ?\/ ?(\d)/g, '$1/$2');
    expect(text).toContain('老年人能力评估报告');
    expect(text).toContain('赵评估');
    expect(text).toMatch(/410421\*{8}\d{3}[\dX]/); // the ID masked
    expect(text).toContain('P1'); // the bed on the day assessed
    expect(text).toContain('常规评估');
    expect(text).toContain('2026-05-14');
    expect(text).toContain('2026-05-16');
    // 84 → 轻度失能; F01 (痴呆) → one grade worse: 中度失能 → 半失能. One fall is not two events.
    expect(text).toContain('84/90');
    expect(text).toMatch(/84\/90 轻度失能 诊断 F01（痴呆 F00–F03） ?：提高一个等级 中度失能 半失能/);
    // B.1: 32 − 2 = 30; B.2: 15 − 2 = 13; B.3: 28 − 2 = 26; B.4: 15.
    expect(text).toMatch(/30\/32 13\/15 26\/28 15\/15 84\/90/);
    expect(text).toMatch(/B1\.3 洗澡 2\/4 需要他人协助，但以自身完成为主/);
    expect(text).toMatch(/B2\.4 上下楼梯 1\/3 需要他人协助，但以自身完成为主/);
    expect(text).toMatch(/B3\.4 记忆 2\/4 需要他人协助，但以自身完成为主/);
    expect(text).toMatch(/B3\.9 意识水平 2\/2 神志清醒/);
    expect(text).toContain('F01');
    expect(text).toMatch(/跌倒 1 次/);
    expect(text).toContain('李评估员');
    expect(text).toContain('王评估员');
    expect(text).toContain('监护人');
    // The level by the policy in force: the national default (the only one here).
    expect(text).toContain('全国默认');
    // A registered document: numbered, and the same facts give back the same number.
    const number = res.headers['x-document-number'];
    expect(number).toMatch(/^ABA-\d{8}-\d{6}$/);
    const again: Response = await report(w.A, scored, w.token.managerA).expect(200);
    expect(again.headers['x-document-number']).toBe(number);
    const verified = (await w.t.http.get(`/api/documents/${number}`).expect(200)).body;
    expect(verified).toMatchObject({ valid: true, kind: 'ASSESSMENT', title: '老年人能力评估报告', period: '2026-05-14' });
  });

  it('an assessment recorded as a level only has no report: 422 ASSESSMENT_NOT_SCORED', async () => {
    const res = await w.t.http.get(`/api/facilities/${w.A}/reports/assessment/${unscored}.pdf`).auth(w.token.managerA, auth).expect(422);
    expect(res.body).toMatchObject({ code: 'ASSESSMENT_NOT_SCORED', params: { effectiveOn: '2026-05-01' } });
  });

  it('another facility’s assessment is not found (404), and neither is a voided one', async () => {
    const other = await w.t.http.get(`/api/facilities/${w.B}/reports/assessment/${scored}.pdf`).auth(w.token.managerB, auth).expect(404);
    expect(other.body.code).toBe('ASSESSMENT_NOT_FOUND');
    const f = factsOf(w, w.A, w.token.managerA);
    const extra = (
      await f.post(`/residents/${resident}/assessments`, {
        instrument: 'GB/T 42195-2022',
        reason: 'IMMEDIATE',
        assessedOn: '2026-06-02',
        effectiveOn: '2026-06-02',
        assessors: ['李评估员', '王评估员'],
        items: ITEMS,
      })
    ).id;
    await f.post(`/assessments/${extra}/void`, { reason: '录入错误' });
    const voided = await w.t.http.get(`/api/facilities/${w.A}/reports/assessment/${extra}.pdf`).auth(w.token.managerA, auth).expect(404);
    expect(voided.body.code).toBe('ASSESSMENT_NOT_FOUND');
  });
});
