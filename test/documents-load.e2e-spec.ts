import { PdfRenderer } from '@careops/pdf';
import { buildWorld, populate, World } from './support/world';

/**
 * This month's compliance report is a 预估 draft, rendered on every request; an issued document is sent
 * again from the register without the renderer (docs/rules.md §8).
 */
const pathOf = (w: World) =>
  `/api/facilities/${w.A}/reports/compliance.pdf?month=${new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7)}`;

/** a renderer built for load refuses what it cannot queue — 503 with Retry-After, never a hang. */
describe('the PDF renderer under load (PDF_POOL_SIZE=1, PDF_MAX_QUEUE=1)', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld({ PDF_POOL_SIZE: '1', PDF_MAX_QUEUE: '1' });
    await populate(w, w.A, w.token.managerA, 1);
  }, 60_000);
  afterAll(() => w?.close());

  it('beyond one rendering and one waiting, requests get 503 with Retry-After and a request id; the rest succeed', async () => {
    const path = pathOf(w);
    await w.t.http.get(path).auth(w.token.managerA, { type: 'bearer' }).expect(200); // warm
    const answers = await Promise.all(Array.from({ length: 10 }, () => w.t.http.get(path).auth(w.token.managerA, { type: 'bearer' })));
    const busy = answers.filter((r) => r.status === 503);
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(2);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(answers.map((r) => r.status).filter((s) => s !== 200 && s !== 503)).toEqual([]);
    for (const r of busy) {
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(r.body).toMatchObject({
        statusCode: 503,
        requestId: expect.any(String),
        message: ['the document renderer is busy; try again shortly (文件生成繁忙，请稍后重试)'],
      });
    }
    expect(w.t.app.get(PdfRenderer).stats()).toMatchObject({ active: 0, queued: 0 });
  });

  it('Chromium killed with one render running and one waiting: the running one gets 503 with Retry-After at once, the waiting one a fresh Chromium', async () => {
    const renderer = w.t.app.get(PdfRenderer);
    const path = pathOf(w);
    const get = () =>
      w.t.http
        .get(path)
        .auth(w.token.managerA, { type: 'bearer' })
        .then((r) => ({ r, at: Date.now() }));
    await get();
    const pid = renderer.browserPid() as number;
    const answers = [get(), get()];
    for (let i = 0; i < 2500 && !(renderer.stats().active === 1 && renderer.stats().queued === 1); i++)
      await new Promise((r) => setTimeout(r, 2));
    expect(renderer.stats()).toMatchObject({ active: 1, queued: 1 });
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    const [crashed, served] = (await Promise.all(answers)).sort((a, b) => b.r.status - a.r.status);
    expect([crashed.r.status, served.r.status]).toEqual([503, 200]);
    expect(Number(crashed.r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((crashed.at - killedAt) / 1000).toBeLessThanOrEqual(2);
    expect(renderer.browserPid()).not.toBe(pid);
    expect(renderer.stats()).toMatchObject({ active: 0, queued: 0 });
  });
});
