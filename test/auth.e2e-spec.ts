import { createHash, createHmac } from 'node:crypto';
import { startTestApp, TEST_JWT_SECRET } from './support/test-app';
import { buildWorld, PASSWORD, World } from './support/world';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A JWT made by hand, to present the API with tokens it must refuse. */
function forge(header: Record<string, unknown>, claims: Record<string, unknown>, secret = TEST_JWT_SECRET): string {
  const body = `${b64(header)}.${b64(claims)}`;
  if (header['alg'] === 'none') return `${body}.`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('authentication', () => {
  let w: World;
  let me: { id: string; facilityId: string };
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (over: Record<string, unknown> = {}) => ({
    sub: me.id,
    usr: 'manager.a',
    role: 'FACILITY_MANAGER',
    fid: me.facilityId,
    iss: 'careops',
    aud: 'careops-api',
    iat: now(),
    exp: now() + 600,
    ...over,
  });
  const meWith = (token: string) => w.t.http.get('/api/auth/me').auth(token, { type: 'bearer' });

  beforeAll(async () => {
    w = await buildWorld();
    me = (await meWith(w.token.managerA).expect(200)).body;
  });
  afterAll(() => w?.close());

  it('login answers an access token of ≤ 15 minutes and a refresh token; /me says who', async () => {
    const res = await w.t.http.post('/api/auth/login').send({ username: 'manager.a', password: PASSWORD }).expect(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    const payload = JSON.parse(Buffer.from(res.body.accessToken.split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(900);
    expect(JSON.parse(Buffer.from(res.body.accessToken.split('.')[0], 'base64url').toString()).alg).toBe('HS256');
    expect((await meWith(res.body.accessToken).expect(200)).body).toEqual({
      id: me.id,
      username: 'manager.a',
      role: 'FACILITY_MANAGER',
      facilityId: w.A,
    });
  });

  it('a wrong password and an unknown user get the same plain 401', async () => {
    const wrong = await w.t.http.post('/api/auth/login').send({ username: 'accountant.a', password: 'not-the-password' }).expect(401);
    const unknown = await w.t.http.post('/api/auth/login').send({ username: 'nobody.here', password: 'not-the-password' }).expect(401);
    expect(wrong.body.message).toEqual(['Invalid username or password (用户名或密码错误)']);
    expect(unknown.body.message).toEqual(wrong.body.message);
  });

  it('five failures within 15 minutes lock the username for 15 minutes, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      await w.t.http
        .post('/api/auth/login')
        .send({ username: 'manager.b', password: `wrong-${i}-password` })
        .expect(401);
    }
    const locked = await w.t.http.post('/api/auth/login').send({ username: 'manager.b', password: PASSWORD }).expect(401);
    expect(locked.body.message).toEqual(['Invalid username or password (用户名或密码错误)']);
    const [row] = await w.sql<{ minutes: number }>(
      `SELECT round(extract(epoch FROM locked_until - now()) / 60)::int AS minutes FROM login_throttle WHERE username_key = 'manager.b'`,
    );
    expect(row.minutes).toBe(15);
    // The trail keeps a digest of the attempted name, never the name itself (it may be a password).
    const digest = createHash('sha256').update('manager.b').digest('hex').slice(0, 16);
    const actions = await w.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE diff -> 'note' ->> 'usernameDigest' = $1 ORDER BY id`,
      [digest],
    );
    expect(await w.sql(`SELECT 1 FROM audit_event WHERE diff::text LIKE '%manager.b%' AND action LIKE 'auth.login.%'`)).toEqual([]);
    expect(actions.map((a) => a.action)).toEqual([...Array(5).fill('auth.login.failed'), 'auth.login.locked']);
    // Fifteen minutes later the lock is over.
    await w.sql(`UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE username_key = 'manager.b'`);
    await w.t.http.post('/api/auth/login').send({ username: 'manager.b', password: PASSWORD }).expect(200);
  });

  it('four failures do not lock; failures older than 15 minutes do not count', async () => {
    for (let i = 0; i < 4; i++)
      await w.t.http.post('/api/auth/login').send({ username: 'reg.410000', password: 'wrong-password' }).expect(401);
    await w.sql(
      `UPDATE login_throttle SET failures = ARRAY(SELECT f - interval '16 minutes' FROM unnest(failures) f) WHERE username_key = 'reg.410000'`,
    );
    await w.t.http.post('/api/auth/login').send({ username: 'reg.410000', password: 'wrong-password' }).expect(401);
    await w.t.http.post('/api/auth/login').send({ username: 'reg.410000', password: PASSWORD }).expect(200);
  });

  it('every role signs out, regulators included (their session is theirs to end)', async () => {
    const pair = (await w.t.http.post('/api/auth/login').send({ username: 'reg.410400', password: PASSWORD }).expect(200)).body;
    await w.t.http
      .post('/api/auth/logout')
      .auth(pair.accessToken, { type: 'bearer' })
      .send({ refreshToken: pair.refreshToken })
      .expect(204);
    await w.t.http.post('/api/auth/refresh').send({ refreshToken: pair.refreshToken }).expect(401);
  });

  describe('refresh tokens', () => {
    it('rotate: each works once and gives a new pair', async () => {
      const first = (await w.t.http.post('/api/auth/login').send({ username: 'accountant.a', password: PASSWORD }).expect(200)).body;
      const second = (await w.t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      await meWith(second.accessToken).expect(200);
      const third = (await w.t.http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(200)).body;
      expect(third.refreshToken).not.toBe(second.refreshToken);
      const stored = await w.sql(`SELECT token_hash FROM refresh_token WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, [
        third.refreshToken,
      ]);
      expect(stored).toHaveLength(1); // stored as a hash, never the token itself
    });

    it('reusing a spent refresh token revokes its whole family', async () => {
      const first = (await w.t.http.post('/api/auth/login').send({ username: 'accountant.a', password: PASSWORD }).expect(200)).body;
      const second = (await w.t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
      // A thief replays the first token: refused, and the legitimate holder's newer token dies with it.
      const replay = await w.t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
      expect(replay.body.message).toEqual(['The refresh token is invalid or expired; sign in again (登录已失效，请重新登录)']);
      await w.t.http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
      const [audit] = await w.sql<{ action: string; facility_id: string }>(
        `SELECT action, facility_id FROM audit_event WHERE action = 'auth.refresh.reuse' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit).toEqual({ action: 'auth.refresh.reuse', facility_id: w.A });
    });

    it('an unknown or logged-out refresh token is refused', async () => {
      await w.t.http
        .post('/api/auth/refresh')
        .send({ refreshToken: 'x'.repeat(43) })
        .expect(401);
      const pair = (await w.t.http.post('/api/auth/login').send({ username: 'accountant.a', password: PASSWORD }).expect(200)).body;
      await w.t.http
        .post('/api/auth/logout')
        .auth(pair.accessToken, { type: 'bearer' })
        .send({ refreshToken: pair.refreshToken })
        .expect(204);
      await w.t.http.post('/api/auth/refresh').send({ refreshToken: pair.refreshToken }).expect(401);
    });
  });

  describe('access tokens the API refuses', () => {
    it('a hand-made token with the right secret is accepted (the control)', async () => {
      await meWith(forge({ alg: 'HS256', typ: 'JWT' }, claims())).expect(200);
    });

    it.each([
      ['alg: none', () => forge({ alg: 'none', typ: 'JWT' }, claims())],
      ['expired', () => forge({ alg: 'HS256', typ: 'JWT' }, claims({ iat: now() - 1000, exp: now() - 10 }))],
      ['wrong audience', () => forge({ alg: 'HS256', typ: 'JWT' }, claims({ aud: 'someone-else' }))],
      ['wrong issuer', () => forge({ alg: 'HS256', typ: 'JWT' }, claims({ iss: 'evil' }))],
      ['another secret', () => forge({ alg: 'HS256', typ: 'JWT' }, claims(), 'another-secret-of-at-least-32-characters')],
      ['HS512 with our secret', () => forge({ alg: 'HS512', typ: 'JWT' }, claims())],
      ['longer-lived than 15 minutes', () => forge({ alg: 'HS256', typ: 'JWT' }, claims({ iat: now() - 1000, exp: now() + 3600 }))],
      ['garbage', () => 'not.a.jwt'],
    ])('%s → 401', async (_what, token) => {
      const res = await meWith(token()).expect(401);
      expect(res.body.message).toEqual(['A valid access token is required (请先登录)']);
    });
  });

  it('a common password is refused when creating a user (400 naming the rule)', async () => {
    const res = await w.t.http
      .post('/api/users')
      .auth(w.token.admin, { type: 'bearer' })
      .send({ username: 'weak.user', password: 'password123', role: 'ACCOUNTANT', facilityId: w.A })
      .expect(400);
    expect(res.body.message).toEqual(['password is one of the most common passwords; choose another (该密码过于常见，请更换)']);
    const short = await w.t.http
      .post('/api/users')
      .auth(w.token.admin, { type: 'bearer' })
      .send({ username: 'weak.user', password: 'Xy7$', role: 'ACCOUNTANT', facilityId: w.A })
      .expect(400);
    expect(short.body.message).toEqual(['password must be at least 8 characters (密码至少8位)']);
  });

  it('user creation checks the binding: a facility role needs a facility, a regulator a division; names are unique', async () => {
    const post = (body: object) =>
      w.t.http
        .post('/api/users')
        .auth(w.token.admin, { type: 'bearer' })
        .send({ password: PASSWORD, ...body });
    expect((await post({ username: 'x.acc', role: 'ACCOUNTANT' }).expect(400)).body.message).toEqual([
      'facilityId is required for role ACCOUNTANT',
    ]);
    expect((await post({ username: 'x.reg', role: 'REGULATOR', facilityId: w.A }).expect(400)).body.message).toEqual([
      'facilityId is only for FACILITY_MANAGER and ACCOUNTANT',
      'divisionCode is required for role REGULATOR',
    ]);
    expect((await post({ username: 'MANAGER.A', role: 'ACCOUNTANT', facilityId: w.A }).expect(409)).body.message).toEqual([
      'username MANAGER.A is taken (用户名已存在)',
    ]);
  });

  // Last in the file: passport strategies are process-global, so a second app in this process
  // takes them over until it closes.
  it('login attempts are rate limited per client address (429)', async () => {
    const limited = await startTestApp(w.db.url, [], { LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    // The count is the database's, shared with the suite's own app: start this address afresh.
    await w.sql(`DELETE FROM rate_limit`);
    try {
      for (let i = 0; i < 3; i++)
        await limited.http.post('/api/auth/login').send({ username: 'reg.370000', password: 'wrong-password' }).expect(401);
      const res = await limited.http.post('/api/auth/login').send({ username: 'reg.370000', password: PASSWORD }).expect(429);
      expect(res.body.statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
