import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { Agent, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { PUBLIC_KEY, ROLES_KEY } from '@careops/platform';
import {
  BodyCase,
  byError,
  classify,
  describeClass,
  encodingCases,
  fieldCases,
  flavorOf,
  ForeignIds,
  HEADER_MUTATIONS,
  loggedError,
  OpenApiDoc,
  Operation,
  operationsOf,
  orderCases,
  Outcome,
  pathMutations,
  queryMutations,
  resolve,
  sample,
  sampleObject,
  seeded,
  seededUuid,
  wholeBodyCases,
} from './support/fuzz';
import { buildWorld, idNumberFor, PASSWORD, populate, World } from './support/world';

/*
 * every operation of the OpenAPI document, fed wrong types, missing fields,
 * huge and awkward text, deep nesting, prototype keys, bad dates and numbers, bad ids and broken
 * compressed bodies, with a token of a role the route accepts and with none: never a 5xx.
 * Deterministic: the cases come from the document and FUZZ_SEED (default below); a failure lists
 * its request id (fuzz-NNNNN), the same on every run with the same seed and document.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 12_001);
const TIMEOUT_MS = 10_000;

/**
 * The status line a server sends for a request line over Node's 16 KB header limit (431), read over a
 * bare socket: Node 24's HTTP client reports the reset that follows (the server closes while the client
 * still writes) instead of the answer that came first; Node 20's read the answer.
 */
function rawStatus(port: number, method: string, url: string): Promise<number> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    socket.on('data', (d) => (got += d));
    socket.on('error', () => undefined);
    socket.on('close', () => done(Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0)));
    socket.write(`${method.toUpperCase()} ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
}
const SLOW_MS = 2_000;
const DEBUG = process.env['FUZZ_DEBUG'] === '1';

type Role = 'FACILITY_MANAGER' | 'ACCOUNTANT' | 'REGULATOR' | 'PLATFORM_ADMIN';
/** The role to call a route as, first that the route accepts (so the payload reaches validation). */
const PREFERENCE: Role[] = ['FACILITY_MANAGER', 'ACCOUNTANT', 'REGULATOR', 'PLATFORM_ADMIN'];

interface Case {
  op: Operation;
  kind: string;
  where: string;
  url: string;
  body?: BodyCase;
  headers: Record<string, string>;
  token?: string;
  mode: 'token' | 'anonymous';
}

/** Roles (or public) of each operation, by operationId (`Controller_method`), read from the route metadata. */
function accessByOperationId(w: World): Map<string, { roles?: Role[]; public: boolean }> {
  const discovery = w.t.app.get(DiscoveryService);
  const scanner = w.t.app.get(MetadataScanner);
  const access = new Map<string, { roles?: Role[]; public: boolean }>();
  for (const { instance, metatype } of discovery.getControllers()) {
    if (!instance || !metatype) continue;
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as object;
      const meta = (key: string) => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, metatype);
      access.set(`${metatype.name}_${name}`, { roles: meta(ROLES_KEY), public: meta(PUBLIC_KEY) === true });
    }
  }
  return access;
}

describe('fuzz: every operation of the OpenAPI document, bad input of every kind, never a 5xx', () => {
  let w: World;
  let doc: OpenApiDoc;
  let ids: Record<string, string>;
  let foreign: ForeignIds;
  let fixtures: {
    residentX1: string;
    residentX2: string;
    bedX1: string;
    bedX2: string;
    residents: string[];
    roomId: string;
    rejectableClaim: string;
  };

  beforeAll(async () => {
    // Errors only: a JSON line per request (and its parsing) would cost more than many requests do.
    w = await buildWorld({ LOG_LEVEL: 'warn' });
    const p = await populate(w, w.A, w.token.managerA, 1);
    // Facility B's records: ids a request about facility A must not reach.
    const pB = await populate(w, w.B, w.token.managerB, 2);
    const post = async (path: string, body: Record<string, unknown>, token = w.token.managerA) => {
      const res = await w.t.http.post(`/api/facilities/${w.A}${path}`).auth(token, { type: 'bearer' }).send(body);
      if (res.status >= 300) throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    // Free beds and residents of our own, so that the baseline bodies are valid requests.
    const bedX1 = await post('/beds', { code: 'FZ-1', roomId: p.roomId, kind: 'GENERAL' });
    const bedX2 = await post('/beds', { code: 'FZ-2', roomId: p.roomId, kind: 'GENERAL' });
    const residentX1 = await post('/residents', {
      name: '模糊老人甲',
      gender: 'M',
      dateOfBirth: '1945-03-03',
      idNumber: idNumberFor('1945-03-03', 801),
    });
    const residentX2 = await post('/residents', {
      name: '模糊老人乙',
      gender: 'F',
      dateOfBirth: '1946-04-04',
      idNumber: idNumberFor('1946-04-04', 802),
    });
    const jobId = await post('/reports/claim-jobs', { year: 2026 });
    // A second claim, submitted, for the reject route (the first is submitted and approved before it).
    const claim2 = await w.t.http
      .post(`/api/facilities/${w.A}/claims`)
      .auth(w.token.accountantA, { type: 'bearer' })
      .set('Idempotency-Key', 'fuzz-fixture-claim')
      .send({ month: '2025-12' });
    if (claim2.status >= 300) throw new Error(`fixture claim: ${claim2.status} ${JSON.stringify(claim2.body)}`);
    const submitted = await w.t.http
      .post(`/api/facilities/${w.A}/claims/${claim2.body.id}/submit`)
      .auth(w.token.accountantA, { type: 'bearer' });
    if (submitted.status >= 300) throw new Error(`fixture claim submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    // An account of our own to deactivate and reactivate (never one of the world's).
    const victim = await w.t.http
      .post('/api/users')
      .auth(w.token.admin, { type: 'bearer' })
      .send({ username: 'fuzz.victim', password: PASSWORD, role: 'ACCOUNTANT', facilityId: w.A });
    if (victim.status !== 201) throw new Error(`fixture user: ${victim.status} ${JSON.stringify(victim.body)}`);
    const one = async (sql: string, facilityId = w.A) => {
      const [row] = await w.sql<{ v: string }>(sql, [facilityId]);
      if (!row) throw new Error(`fixture: nothing for ${sql}`);
      return row.v;
    };
    fixtures = { residentX1, residentX2, bedX1, bedX2, residents: p.residents, roomId: p.roomId, rejectableClaim: claim2.body.id };
    const documentSha = await one(`SELECT sha256::text AS v FROM document WHERE facility_id = $1`);
    ids = {
      facilityId: w.A,
      residentId: p.residents[0],
      admissionId: p.admissionId,
      bedId: p.beds[1],
      roomId: p.roomId,
      staffId: await one(`SELECT id::text AS v FROM staff WHERE facility_id = $1`),
      claimId: await one(`SELECT id::text AS v FROM claim WHERE facility_id = $1`),
      memberId: await one(`SELECT id::text AS v FROM day_member WHERE facility_id = $1`),
      attendanceId: await one(`SELECT id::text AS v FROM attendance WHERE facility_id = $1`),
      homeCareBedId: await one(`SELECT id::text AS v FROM home_care_bed WHERE facility_id = $1`),
      hash: documentSha,
      codeOrNumber: documentSha,
      userId: victim.body.id,
      jobId,
      code: '410400',
    };
    foreign = {
      otherFacility: {
        facilityId: w.B,
        residentId: pB.residents[0],
        bedId: pB.beds[0],
        roomId: pB.roomId,
        admissionId: pB.admissionId,
        staffId: await one(`SELECT id::text AS v FROM staff WHERE facility_id = $1`, w.B),
        claimId: await one(`SELECT id::text AS v FROM claim WHERE facility_id = $1`, w.B),
        memberId: await one(`SELECT id::text AS v FROM day_member WHERE facility_id = $1`, w.B),
        attendanceId: await one(`SELECT id::text AS v FROM attendance WHERE facility_id = $1`, w.B),
        homeCareBedId: await one(`SELECT id::text AS v FROM home_care_bed WHERE facility_id = $1`, w.B),
        userId: await one(`SELECT id::text AS v FROM app_user WHERE facility_id = $1`, w.B),
      },
      otherKind: p.roomId,
      otherKindForRoom: p.beds[0],
    };
    doc = (await w.t.http.get('/api/docs-json').expect(200)).body;
  }, 120_000);

  afterAll(() => w?.close());

  /** Valid bodies by component: what the API's own tests send, so that one field at a time goes wrong. */
  const baselineBody = (op: Operation): Record<string, unknown> | undefined => {
    if (!op.body) return undefined;
    const f = fixtures;
    const contact = { name: '王建国', relation: '儿子', phone: '13803751234' };
    const known: Record<string, Record<string, unknown>> = {
      // Not a user of the world: its failures count towards no lockout that matters.
      LoginDto: { username: 'fuzz.nobody', password: 'not-the-password' },
      // Never a real refresh token (logout and refresh would end a session of the world).
      RefreshDto: { refreshToken: 'fuzz-not-a-refresh-token' },
      CreateUserDto: { username: 'fuzz.user', password: PASSWORD, role: 'ACCOUNTANT', facilityId: w.A, displayName: '模糊测试' },
      CreateFacilityDto: {
        name: '模糊测试养老院',
        type: 'CARE_HOME',
        divisionCode: '410421',
        buildingAreaM2: 100,
        address: '宝丰县人民路1号',
        licenseNumber: 'FZ-001',
        operatorKind: 'PRIVATE',
      },
      // type and divisionCode are the platform's to change (403 for the manager): mutated, not in the baseline.
      UpdateFacilityDto: (({ type: _t, divisionCode: _d, ...rest }) => ({ ...rest, name: '颐康综合养老服务中心', buildingAreaM2: 2000 }))(
        sampleObject(doc, op.body.schema, ids),
      ),
      CreateResidentDto: {
        name: '模糊老人',
        gender: 'M', // digit 17 of …901 is odd
        dateOfBirth: '1948-05-12',
        idNumber: idNumberFor('1948-05-12', 901),
        hukou: '宝丰县',
        phone: '13803751234',
        categories: ['DIBAO'],
        emergencyContacts: [contact],
      },
      UpdateResidentDto: {
        name: '测试老人11',
        gender: 'M', // digit 17 of …011 is odd
        dateOfBirth: '1941-01-11',
        idNumber: idNumberFor('1941-01-11', 11),
        hukou: '宝丰县',
        phone: '13803751234',
        categories: ['DIBAO'],
        emergencyContacts: [contact],
      },
      CreateAssessmentDto: { grade: 'MODERATE', effectiveOn: '2026-02-20', assessor: '李评估员', notes: '复评' },
      CreateRoomDto: { building: '2号楼', floor: 2, number: '201' },
      CreateBedDto: { code: 'FZ-B', roomId: f.roomId, kind: 'NURSING', inService: true },
      // The bed is out of service (populate): back in service.
      UpdateBedDto: { code: 'P1-1', kind: 'GENERAL', inService: true, on: '2026-03-10' },
      CreateAdmissionDto: { residentId: f.residentX1, bedId: f.bedX1, admittedOn: '2026-03-15', careLevel: 'SELF_CARE' },
      TransferDto: { bedId: f.bedX2, on: '2026-04-01' },
      DischargeDto: { dischargedOn: '2026-05-01', reason: '回家养老' },
      LeaveDto: { from: '2026-03-10', to: '2026-03-13', reason: '春节回家', kind: 'LEAVE' },
      CreateHomeCareBedDto: { residentId: f.residentX2, from: '2026-03-01', address: '宝丰县城关镇人民路12号', careLevel: 'SELF_CARE' },
      EndHomeCareBedDto: { on: '2026-06-01' },
      EnrolDto: { residentId: f.residentX2, enrolledOn: '2026-11-01', careLevel: 'SELF_CARE' },
      EndMembershipDto: { leftOn: '2026-12-01' },
      AttendanceDto: { residentId: f.residents[1], day: '2026-01-03', checkIn: '08:30', checkOut: '16:45' },
      CheckOutDto: { checkOut: '16:45' },
      ServiceRecordDto: {
        residentId: f.residents[1],
        kind: 'MEAL',
        servedAt: '2026-01-03T11:30:00+08:00',
        servedBy: '张护理员',
        notes: '午餐',
      },
      CreateClaimDto: { month: '2026-02', programme: 'INSTITUTIONAL_CARE' },
      RejectClaimDto: { reason: '缺少老人能力评估报告' },
      CreatePolicyDto: {
        programme: 'INSTITUTIONAL_CARE',
        divisionCode: '410400',
        effectiveFrom: '2027-01-01',
        rates: { SELF_CARE: 10000, SEMI_DISABLED: 15000, FULLY_DISABLED: 30000 },
        minAge: 60,
        dayCounting: { admissionDay: true, dischargeDay: false, leaveDays: true },
        excludedCategories: ['TEKUN'],
      },
      DivisionSummaryJobDto: { month: '2026-01' },
      ClaimPdfsJobDto: { year: 2026 },
    };
    return known[op.body.name] ?? sampleObject(doc, op.body.schema, ids);
  };

  /** Every case of one operation (without mode and token). */
  const casesOf = (op: Operation, rand: () => number): Array<Omit<Case, 'mode' | 'token'>> => {
    // Routes that render a PDF get bad parameters only: no case may render one.
    const pdf = /\.pdf$/.test(op.template);
    const pathParams = op.params.filter((p) => p.in === 'path');
    const queryParams = op.params.filter((p) => p.in === 'query');
    const headerParams = op.params.filter((p) => p.in === 'header');
    const key = `${op.method} ${op.template}`;
    const idsHere: Record<string, string> = { ...ids, ...(key.endsWith('/reject') ? { claimId: fixtures.rejectableClaim } : {}) };
    const path: Record<string, string> = Object.fromEntries(
      pathParams.map((p) => [p.name, encodeURIComponent(idsHere[p.name] ?? seededUuid(rand))]),
    );
    if (pdf && path['claimId']) path['claimId'] = seededUuid(rand);
    const query: Record<string, string> = Object.fromEntries(
      queryParams.map((p) => [p.name, String(sample(doc, p.name, p.schema ?? {}, ids))]),
    );
    if (pdf && 'month' in query) query['month'] = '2026-13';
    // Metrics take a date or a month, not both: the baseline has the month (the date is still mutated).
    if (key === 'get /api/facilities/{facilityId}/metrics') delete query['date'];
    const urlOf = (pathOver: Record<string, string> = {}, queryOver: Record<string, string> = {}) => {
      const p = op.template.replace(/\{(\w+)\}/g, (_m, n: string) => pathOver[n] ?? path[n]);
      const q = queryParams
        .map(({ name: k }) =>
          k in queryOver ? queryOver[k] : k in query ? `${encodeURIComponent(k)}=${encodeURIComponent(query[k])}` : '',
        )
        .filter(Boolean)
        .join('&');
      return q ? `${p}?${q}` : p;
    };
    const base = baselineBody(op);
    const baseBody: BodyCase | undefined = base
      ? { kind: 'baseline', where: '-', data: JSON.stringify(base), contentType: 'application/json' }
      : undefined;
    const out: Array<Omit<Case, 'mode' | 'token'>> = [];
    const add = (kind: string, where: string, url: string, body: BodyCase | undefined, headers: Record<string, string> = {}) =>
      out.push({ op, kind, where, url, headers, ...(body ? { body } : {}) });

    add('baseline', '-', urlOf(), baseBody);
    for (const p of pathParams) {
      for (const m of pathMutations(p.name, decodeURIComponent(path[p.name]), rand, foreign))
        add(m.kind, `path.${p.name}`, urlOf({ [p.name]: String(m.value) }), baseBody);
    }
    for (const p of queryParams) {
      const flavor = flavorOf(p.name, resolve(doc, p.schema ?? {}));
      for (const m of queryMutations(
        p.name,
        flavor,
        !!p.required,
        query[p.name] ?? String(sample(doc, p.name, p.schema ?? {}, ids)),
        rand,
        foreign,
      )) {
        add(m.kind, `query.${p.name}`, urlOf({}, { [p.name]: String(m.value) }), baseBody);
      }
    }
    if ('from' in query && 'to' in query) {
      const range = (from: string, to: string) => urlOf({}, { from: `from=${from}`, to: `to=${to}` });
      add('dates swapped', 'query.from+to', range(query['to'], query['from']), baseBody);
      add('dates equal', 'query.from+to', range(query['from'], query['from']), baseBody);
      add('range 0001-01-01..9999-12-31', 'query.from+to', range('0001-01-01', '9999-12-31'), baseBody);
    }
    for (const h of headerParams) {
      for (const m of HEADER_MUTATIONS) add(m.kind, `header.${h.name}`, urlOf(), baseBody, { [h.name]: String(m.value) });
    }
    if (op.body && base) {
      for (const c of fieldCases(doc, op.body.schema, base, rand, foreign)) add(c.kind, c.where, urlOf(), c);
      for (const c of orderCases(doc, op.body.schema, base)) add(c.kind, c.where, urlOf(), c);
    }
    const fields = Object.keys(op.body?.schema.properties ?? {});
    const whole = wholeBodyCases(base, fields);
    // A GET reads no body: only the cases the body parser itself may trip on.
    const forGet = /invalid JSON|nesting 2000|__proto__|charset|form with/;
    for (const c of op.method === 'get' ? whole.filter((x) => forGet.test(x.kind)) : whole) add(c.kind, c.where, urlOf(), c);
    for (const c of encodingCases(base)) add(c.kind, c.where, urlOf(), c);
    return out;
  };

  it('answers every case with a status below 500, in time', async () => {
    const started = performance.now();
    const rand = seeded(SEED);
    const access = accessByOperationId(w);
    const tokens: Record<Role, string> = {
      FACILITY_MANAGER: w.token.managerA,
      ACCOUNTANT: w.token.accountantA,
      REGULATOR: w.token.reg410400,
      PLATFORM_ADMIN: w.token.admin,
    };
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThanOrEqual(50);

    const cases: Case[] = [];
    for (const op of operations) {
      const a = access.get(op.operationId);
      const role = a?.public ? undefined : (PREFERENCE.find((r) => a?.roles?.includes(r)) ?? 'PLATFORM_ADMIN');
      for (const c of casesOf(op, rand)) {
        if (role) cases.push({ ...c, token: tokens[role], mode: 'token' });
        // Without a token a route answers 401 once the body and query are parsed and checked: of the
        // one-field, path and query mutations a third (by the PRNG) go without one too; the baseline,
        // whole-body, encoding and header cases all do.
        if (!role || !/^(body\.|path\.|query\.)/.test(c.where) || rand() < 1 / 3) cases.push({ ...c, mode: 'anonymous' });
      }
    }

    // One listening server and one kept-alive connection: supertest would otherwise listen, connect
    // and close for every request, which costs more than most of these requests.
    const server = w.t.app.getHttpServer() as Server;
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const http = request(server);
    const outcomes: Outcome[] = [];
    let seq = 0;
    const send = async (c: Case): Promise<Outcome> => {
      const id = `fuzz-${String(++seq).padStart(5, '0')}`;
      let req = http[c.op.method](c.url)
        .agent(agent)
        .timeout(TIMEOUT_MS)
        .set('x-request-id', id)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (b: Buffer) => chunks.push(b));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      if (c.token) req = req.auth(c.token, { type: 'bearer' });
      // A fresh Idempotency-Key each time: a repeated one answers from the store, not from the route.
      if (c.op.params.some((p) => p.in === 'header' && p.name === 'Idempotency-Key') && !('Idempotency-Key' in c.headers))
        req = req.set('Idempotency-Key', id);
      for (const [k, v] of Object.entries(c.headers)) req = req.set(k, v);
      if (c.body) {
        req = req.set('content-type', c.body.contentType);
        if (c.body.encoding) req = req.set('content-encoding', c.body.encoding);
        req = req.send(c.body.data);
      }
      const t0 = performance.now();
      let status = 0;
      let error: string | undefined;
      try {
        status = (await req).status;
      } catch (e) {
        const err = e as { timeout?: number; code?: string; message?: string };
        error = err.timeout ? `no answer within ${TIMEOUT_MS} ms` : `client: ${err.code ?? ''} ${err.message ?? String(e)}`;
        if (!err.timeout && ['ECONNRESET', 'EPIPE'].includes(err.code ?? '') && c.url.length > 16_384) {
          status = await rawStatus((server.address() as AddressInfo).port, c.op.method, c.url);
          if (status > 0) error = undefined;
        }
      }
      const ms = performance.now() - t0;
      if (status >= 500 && !error) error = loggedError(w.t.logs, id);
      return {
        id,
        method: c.op.method,
        template: c.op.template,
        kind: c.kind,
        where: c.where,
        mode: c.mode,
        status,
        ms,
        ...(error ? { error } : {}),
      };
    };
    for (const c of cases) outcomes.push(await send(c));
    agent.destroy();

    // In-process, a prototype polluted by a request would show here.
    const polluted = [...Object.keys(Object.prototype), ...Object.keys(Array.prototype), ...('polluted' in {} ? ['polluted'] : [])];
    const failures = outcomes.filter((o) => o.status >= 500 || o.status === 0);
    const classes = classify(failures);
    const seconds = (performance.now() - started) / 1000;
    const slow = outcomes.filter((o) => o.ms > SLOW_MS).sort((a, b) => b.ms - a.ms);
    const byStatus = outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o.status]: (acc[o.status] ?? 0) + 1 }), {});
    const lines = [
      `[fuzz] ${outcomes.length} requests sent, ${failures.filter((o) => o.status >= 500).length} × 5xx` +
        ` (${operations.length} operations, seed ${SEED}, ${seconds.toFixed(1)} s; statuses ${JSON.stringify(byStatus)})`,
      ...(failures.some((o) => o.status === 0) ? [`[fuzz] ${failures.filter((o) => o.status === 0).length} requests got no answer`] : []),
      ...(classes.length ? [`[fuzz] ${classes.length} classes of failure:`, ...classes.map((c) => `  ${describeClass(c)}`)] : []),
      ...(classes.length ? ['[fuzz] by error:', ...byError(classes).map((l) => `  ${l}`)] : []),
      ...(slow.length
        ? [
            `[fuzz] warning: ${slow.length} responses over ${SLOW_MS / 1000} s: ` +
              slow
                .slice(0, 5)
                .map((o) => `${o.method.toUpperCase()} ${o.template} ${o.kind} ${(o.ms / 1000).toFixed(1)} s`)
                .join('; '),
          ]
        : []),
      ...(polluted.length ? [`[fuzz] Object.prototype / Array.prototype polluted: ${polluted.join(', ')}`] : []),
    ];
    if (DEBUG) {
      writeFileSync('tmp/fuzz-outcomes.json', JSON.stringify(outcomes));
      writeFileSync('tmp/fuzz-openapi.json', JSON.stringify(doc, null, 1));
      const unfilled = [
        ...new Set(operations.flatMap((op) => op.params.filter((p) => p.in === 'path' && !ids[p.name]).map((p) => p.name))),
      ];
      if (unfilled.length) lines.push(`  path parameters with no fixture (random UUIDs): ${unfilled.join(', ')}`);
      const baselines = outcomes.filter((o) => o.kind === 'baseline' && o.mode === 'token');
      lines.push(...baselines.map((o) => `  baseline ${o.status} ${o.method.toUpperCase()} ${o.template} (${o.id})`));
    }
    console.log(lines.join('\n'));

    const fiveHundreds = [...classes.map(describeClass), ...(polluted.length ? [`prototype polluted: ${polluted.join(', ')}`] : [])];
    expect(fiveHundreds).toEqual([]);
  }, 300_000);
});
