import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createDataSource } from '@careops/db';
import { DEMO_LOGINS, seedDemo } from '@careops/ops';
import { IdNumberProtector } from '@careops/residents';
import { buildWorld, World } from './support/world';

const DIST = join(__dirname, '..', 'dist', 'apps', 'web');
const password = (username: string) => DEMO_LOGINS.find((l) => l.username === username)?.password as string;

/**
 * How the web app and the API's answers travel: the build's pre-compressed assets (brotli, gzip)
 * with `Vary: Accept-Encoding` and a year's cache, index.html never cached, JSON over 1 KB
 * compressed and downloads (CSV, XLSX, PDF) never; one bootstrap request to start the app.
 */
describe('web delivery: compression, caching, bootstrap', () => {
  let w: World;
  let home: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    w = await buildWorld();
    const owner = await createDataSource({ url: w.db.url, poolSize: 2 }).initialize();
    home = (await seedDemo(owner, w.t.app.get(IdNumberProtector))).facilityId;
    await owner.destroy();
    for (const { username } of DEMO_LOGINS)
      tokens.set(
        username,
        (
          await w.t.http
            .post('/api/auth/login')
            .send({ username, password: password(username) })
            .expect(200)
        ).body.accessToken,
      );
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  const entry = () => /src="\/assets\/([^"]+\.js)"/.exec(readFileSync(join(DIST, 'index.html'), 'utf8'))?.[1] as string;

  it('hashed assets: the brotli file to a browser that takes it, else gzip, else plain; a year’s cache, Vary: Accept-Encoding', async () => {
    const file = entry();
    expect(readdirSync(join(DIST, 'assets'))).toEqual(expect.arrayContaining([file, `${file}.br`, `${file}.gz`]));
    const get = (encoding: string) =>
      w.t.http
        .get(`/assets/${file}`)
        .set('accept-encoding', encoding)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const br = await get('gzip, deflate, br').expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toMatch(/max-age=31536000/);
    expect(br.headers['cache-control']).toMatch(/immutable/);
    // The build's own .br file is what is sent (the client here decodes it on arrival).
    expect(Number(br.headers['content-length'])).toBe(statSync(join(DIST, 'assets', `${file}.br`)).size);
    expect((br.body as Buffer).equals(readFileSync(join(DIST, 'assets', file)))).toBe(true);
    const gz = await get('gzip').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toMatch(/accept-encoding/i);
    expect(Number(gz.headers['content-length'])).toBe(statSync(join(DIST, 'assets', `${file}.gz`)).size);
    const plain = await get('identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((plain.body as Buffer).equals(readFileSync(join(DIST, 'assets', file)))).toBe(true);
    await w.t.http.get('/assets/no-such-file.js').set('accept-encoding', 'br').expect(404);
  });

  it('index.html is never cached, at / and at any page path', async () => {
    for (const path of ['/', '/f/x/beds', '/login']) {
      const res = await w.t.http.get(path).expect(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<div id="root">');
    }
  });

  it('JSON over 1 KB is compressed; a small answer and downloads (CSV, XLSX) are not', async () => {
    const manager = tokens.get('manager') as string;
    const beds = await w.t.http
      .get(`/api/facilities/${home}/beds`)
      .auth(manager, { type: 'bearer' })
      .set('accept-encoding', 'gzip')
      .expect(200);
    expect(beds.headers['content-encoding']).toBe('gzip');
    expect(beds.headers['vary']).toMatch(/accept-encoding/i);
    expect(Array.isArray(beds.body) || typeof beds.body === 'object').toBe(true);
    const small = await w.t.http.get('/api/auth/me').auth(manager, { type: 'bearer' }).set('accept-encoding', 'gzip').expect(200);
    expect(small.headers['content-encoding']).toBeUndefined();

    const accountant = tokens.get('accountant') as string;
    const last = new Date();
    last.setUTCDate(1);
    last.setUTCMonth(last.getUTCMonth() - 1);
    const claim = await w.t.http
      .post(`/api/facilities/${home}/claims`)
      .auth(accountant, { type: 'bearer' })
      .send({ month: last.toISOString().slice(0, 7) })
      .expect(201);
    for (const format of ['csv', 'xlsx']) {
      const file = await w.t.http
        .get(`/api/facilities/${home}/claims/${claim.body.id}/export.${format}`)
        .auth(accountant, { type: 'bearer' })
        .set('accept-encoding', 'gzip, br')
        .buffer(true)
        .expect(200);
      expect(file.headers['content-encoding']).toBeUndefined();
    }
  });

  it('GET /api/auth/bootstrap: who is signed in and their facility or division, for every role, in one answer', async () => {
    const get = async (username: string) =>
      (
        await w.t.http
          .get('/api/auth/bootstrap')
          .auth(tokens.get(username) as string, { type: 'bearer' })
          .expect(200)
      ).body;
    const manager = await get('manager');
    expect(manager.user).toMatchObject({ username: 'manager', role: 'FACILITY_MANAGER', facilityId: home });
    expect(manager.facility).toEqual({
      id: home,
      name: expect.any(String),
      type: 'CARE_HOME',
      divisionCode: expect.any(String),
      timezone: 'Asia/Shanghai',
    });
    expect(manager.division).toBeNull();
    expect(Date.parse(manager.serverTime)).not.toBeNaN();
    expect((await get('daycenter')).facility).toMatchObject({ type: 'DAY_CENTER' });
    expect((await get('accountant')).facility).toMatchObject({ id: home });
    const regulator = await get('regulator');
    expect(regulator.facility).toBeNull();
    expect(regulator.division).toEqual({ code: regulator.user.divisionCode });
    const admin = await get('admin');
    expect(admin).toMatchObject({ facility: null, division: null, user: { role: 'PLATFORM_ADMIN' } });
    await w.t.http.get('/api/auth/bootstrap').expect(401);
  });
});
