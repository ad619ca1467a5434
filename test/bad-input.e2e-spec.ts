import { buildWorld, World } from './support/world';

/** bad input over the auth and facility routes is a clear 4xx, never a 500. */
describe('bad input is a 4xx with a clear message', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w?.close());

  type Route = { method: 'post' | 'patch'; url: () => string; token: () => string | undefined; valid: () => Record<string, unknown> };
  const routes: Record<string, Route> = {
    'POST /api/auth/login': {
      method: 'post',
      url: () => '/api/auth/login',
      token: () => undefined,
      valid: () => ({ username: 'manager.a', password: 'x' }),
    },
    'POST /api/auth/refresh': {
      method: 'post',
      url: () => '/api/auth/refresh',
      token: () => undefined,
      valid: () => ({ refreshToken: 'x' }),
    },
    'POST /api/facilities': {
      method: 'post',
      url: () => '/api/facilities',
      token: () => w.token.admin,
      valid: () => ({ name: '新机构', type: 'CARE_HOME', divisionCode: '410421', buildingAreaM2: 100 }),
    },
    'PATCH /api/facilities/:id': {
      method: 'patch',
      url: () => `/api/facilities/${w.A}`,
      token: () => w.token.managerA,
      valid: () => ({ address: 'x' }),
    },
    'POST /api/users': {
      method: 'post',
      url: () => '/api/users',
      token: () => w.token.admin,
      valid: () => ({ username: 'new.user', password: 'Lotus-Pond-7731', role: 'ACCOUNTANT', facilityId: w.A }),
    },
  };
  const send = (r: Route) => {
    const req = w.t.http[r.method](r.url());
    const token = r.token();
    return token ? req.auth(token, { type: 'bearer' }) : req;
  };

  describe.each(Object.entries(routes))('%s', (_name, route) => {
    it('malformed JSON → 400 saying so', async () => {
      const res = await send(route).set('content-type', 'application/json').send('{"name": ');
      expect(res.status).toBe(400);
      expect(res.body.message[0]).toMatch(/^The request body is not valid JSON/);
    });

    it('a body over 1 MB → 413', async () => {
      const res = await send(route).send({ ...route.valid(), filler: 'x'.repeat(1_100_000) });
      expect(res.status).toBe(413);
      expect(res.body.message).toEqual(['The request body is too large (请求体过大)']);
    });

    it('an unknown field → 400 naming it', async () => {
      const res = await send(route).send({ ...route.valid(), isAdmin: true });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('isAdmin is not an accepted field (不允许的字段)');
    });

    it('wrong types → 400 naming the fields', async () => {
      const wrong = Object.fromEntries(Object.keys(route.valid()).map((k) => [k, { nested: [1] }]));
      const res = await send(route).send(wrong);
      expect(res.status).toBe(400);
      for (const field of Object.keys(route.valid())) {
        expect(res.body.message.some((m: string) => m.startsWith(field))).toBe(true);
      }
    });

    it('an array, a string or nothing as the body → 4xx, never 500', async () => {
      for (const body of [[1, 2], '"text"', 'null', '']) {
        const res = await send(route).set('content-type', 'application/json').send(body);
        expect({ body, status: res.status }).toEqual({ body, status: expect.any(Number) });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    });
  });

  it('facility fields out of range name the rule', async () => {
    const res = await w.t.http
      .post('/api/facilities')
      .auth(w.token.admin, { type: 'bearer' })
      .send({ name: '', type: 'HOTEL', divisionCode: '4104', buildingAreaM2: -1 })
      .expect(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        'name must be longer than or equal to 1 characters',
        'type must be one of CARE_HOME, DAY_CENTER, STREET_CENTER',
        'divisionCode must be a 6-digit division code (行政区划代码)',
        'buildingAreaM2 must not be less than 0',
      ]),
    );
  });
});
