import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { ABILITY_INSTRUMENT, ABILITY_ITEMS } from '@careops/care';
import { PUBLIC_KEY, READ_REQUEST_EXTENSION, ROLES_KEY } from '@careops/platform';
import { buildWorld, populate, Populated, World } from './support/world';

type Operation = { method: string; path: string; readRequest?: true };

/** Every facility-scoped operation of the OpenAPI document, as `{method, /api/facilities/{facilityId}/...}`. */
function facilityOperations(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/facilities/{facilityId}'))
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method,
        path,
        ...((op as Record<string, unknown>)[READ_REQUEST_EXTENSION] ? { readRequest: true as const } : {}),
      })),
    );
}

function concrete(path: string, facilityId: string): string {
  return path.replace('{facilityId}', facilityId).replace(/\{[^}]+\}/g, () => randomUUID());
}

describe('access: every route declares its roles; tenants are isolated (docs/api.md)', () => {
  let w: World;
  let operations: Operation[];
  let doc: { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
  let filled: Populated;
  let ids: Record<string, string>;

  beforeAll(async () => {
    w = await buildWorld();
    doc = (await w.t.http.get('/api/docs-json')).body;
    operations = facilityOperations(doc);
    // Facility A holds one of everything, so a regulator's GET finds what it names.
    filled = await populate(w, w.A, w.token.managerA, 1);
    const [claim] = await w.sql<{ id: string }>(`SELECT id FROM claim WHERE facility_id = $1`, [w.A]);
    const [staff] = await w.sql<{ id: string }>(`SELECT id FROM staff WHERE facility_id = $1`, [w.A]);
    const [incident] = await w.sql<{ id: string }>(`SELECT id FROM incident WHERE facility_id = $1`, [w.A]);
    ids = {
      residentId: filled.residents[1],
      admissionId: filled.admissionId,
      staffId: staff.id,
      claimId: claim.id,
      kind: 'RESIDENTS',
      incidentId: incident.id,
    };
    // A bill of January 2026 (docs/rules.md §9): a fee item and the month's run.
    const billing = (path: string, body: object) =>
      w.t.http.post(`/api/facilities/${w.A}${path}`).auth(w.token.accountantA, { type: 'bearer' }).send(body).expect(201);
    await billing('/fee-items', {
      code: 'BED',
      name: '床位费',
      kind: 'MONTHLY',
      category: 'BED',
      amountFen: 150000,
      effectiveFrom: '2025-01-01',
    });
    ids.billId = (await billing('/bills/run', { month: '2026-01' })).body.bills[0].id;
    // A scored assessment of the resident: the 老年人能力评估报告 is of one (a level only answers 422).
    ids.assessmentId = (
      await w.t.http
        .post(`/api/facilities/${w.A}/residents/${ids.residentId}/assessments`)
        .auth(w.token.managerA, { type: 'bearer' })
        .send({
          instrument: ABILITY_INSTRUMENT,
          reason: 'ROUTINE',
          assessedOn: '2026-01-20',
          effectiveOn: '2026-01-20',
          assessors: ['李评估员', '王评估员'],
          items: Object.fromEntries(ABILITY_ITEMS.map((i) => [i.code, i.max])),
        })
        .expect(201)
    ).body.id;
  }, 60_000);

  /** A GET of facility A with real sub-resource ids and the queries it needs (January 2026, when populate's data lies). */
  const readable = (path: string): string => {
    const concretePath = path.replace('{facilityId}', w.A).replace(/\{([^}]+)\}/g, (_, name: string) => {
      if (!ids[name]) throw new Error(`no id for {${name}} in ${path}`);
      return ids[name];
    });
    const query: Record<string, string> = {
      '/audit': 'from=2020-01-01&to=2030-01-01',
      '/beds': 'date=2026-01-10',
      '/day-members': 'date=2026-01-02',
      '/attendance': 'date=2026-01-02',
      '/service-records': 'from=2026-01-01&to=2026-02-01',
      '/compliance/staffing': 'from=2026-01-01&to=2026-02-01',
      '/metrics': 'month=2026-01',
      '/reports/compliance.pdf': 'month=2026-01',
      '/reports/compliance.html': 'month=2026-01',
      '/reports/operations.pdf': 'month=2026-01',
      '/reports/day-center.pdf': 'month=2026-01',
    };
    const q = query[path.replace('/api/facilities/{facilityId}', '')];
    return q ? `${concretePath}?${q}` : concretePath;
  };
  /** The 2xx the OpenAPI document declares for an operation; 200 where it declares none. */
  const documented2xx = (op: Operation): number => {
    const declared = Object.keys(doc.paths[op.path]?.[op.method]?.responses ?? {}).filter((code) => /^2\d\d$/.test(code));
    return declared.length > 0 ? Number(declared[0]) : 200;
  };
  afterAll(() => w?.close());

  const call = (op: Operation, facilityId: string, token?: string) => {
    const req = w.t.http[op.method as 'get'](concrete(op.path, facilityId));
    if (token) req.auth(token, { type: 'bearer' });
    return op.method === 'get' ? req : req.send({});
  };

  it('the walk covers the facility-scoped routes of the OpenAPI document', () => {
    expect(operations).toEqual(
      expect.arrayContaining([
        { method: 'get', path: '/api/facilities/{facilityId}' },
        { method: 'patch', path: '/api/facilities/{facilityId}' },
        { method: 'get', path: '/api/facilities/{facilityId}/audit' },
      ]),
    );
  });

  it('(a) a user of another facility gets 404 on every facility-scoped route of facility A', async () => {
    for (const op of operations) {
      const res = await call(op, w.A, w.token.managerB);
      expect({ ...op, status: res.status }).toEqual({ ...op, status: 404 });
      expect(res.body.message).toEqual(['facility not found (机构不存在)']);
    }
  });

  it('(b) a regulator of another division gets 404 on every one of them', async () => {
    for (const op of operations) {
      const res = await call(op, w.A, w.token.reg370000);
      expect({ ...op, status: res.status }).toEqual({ ...op, status: 404 });
    }
  });

  it('(c) a regulator of the right division gets 403 on every non-GET, and reads the GETs', async () => {
    for (const op of operations) {
      const res = await call(op, w.A, w.token.reg410400);
      // A GET may 404 for the random sub-resource id, never for the facility.
      if (op.method === 'get')
        expect({ ...op, message: res.body.message }).not.toEqual({ ...op, message: ['facility not found (机构不存在)'] });
      // A POST that only asks to read (a report job) is let through, to its validation.
      else if (op.readRequest) expect({ ...op, status: res.status }).toEqual({ ...op, status: 400 });
      else expect({ ...op, status: res.status }).toEqual({ ...op, status: 403 });
    }
  });

  it('(c′) the regulator reads every GET of facility A for real: its documented 2xx and a non-empty body', async () => {
    const gets = operations.filter((op) => op.method === 'get');
    expect(gets.length).toBeGreaterThanOrEqual(20);
    for (const op of gets) {
      const res = await w.t.http
        .get(readable(op.path))
        .auth(w.token.reg410400, { type: 'bearer' })
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (d: Buffer) => chunks.push(d));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      const bytes = res.body as Buffer;
      const type = String(res.headers['content-type'] ?? '');
      const body = type.startsWith('application/json') ? JSON.parse(bytes.toString('utf8')) : null;
      // A page ({items, total, …}) is non-empty by its items, not by its keys.
      const size =
        body === null
          ? bytes.length
          : Array.isArray(body)
            ? body.length
            : Array.isArray(body?.items)
              ? body.items.length
              : Object.keys(body ?? {}).length;
      expect({ ...op, status: res.status, nonEmpty: size > 0 }).toEqual({ ...op, status: documented2xx(op), nonEmpty: true });
      if (type.startsWith('application/pdf')) expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    }
  }, 120_000);

  it('(d) no token gets 401 everywhere, and a facility that does not exist is the same 404 as a foreign one', async () => {
    for (const op of operations) {
      expect({ ...op, status: (await call(op, w.A)).status }).toEqual({ ...op, status: 401 });
      expect({ ...op, status: (await call(op, randomUUID(), w.token.admin)).status }).toEqual({ ...op, status: 404 });
      expect({ ...op, status: (await call(op, 'not-a-uuid', w.token.managerA)).status }).toEqual({ ...op, status: 404 });
    }
  });

  it('every route of the app declares its roles or is explicitly public', () => {
    const discovery = w.t.app.get(DiscoveryService);
    const scanner = w.t.app.get(MetadataScanner);
    const undeclared: string[] = [];
    let routes = 0;
    for (const wrapper of discovery.getControllers()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const handler = instance[name];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        routes++;
        const declared = [ROLES_KEY, PUBLIC_KEY].some(
          (key) => Reflect.getMetadata(key, handler) !== undefined || Reflect.getMetadata(key, metatype) !== undefined,
        );
        if (!declared) undeclared.push(`${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)]} ${metatype.name}.${name}`);
      }
    }
    expect(routes).toBeGreaterThanOrEqual(8);
    expect(undeclared).toEqual([]);
  });

  it('a role may not use a route it is not declared for: 403 (the facility is its own)', async () => {
    const res = await w.t.http.patch(`/api/facilities/${w.A}`).auth(w.token.accountantA, { type: 'bearer' }).send({ address: 'x' });
    expect(res.status).toBe(403);
    expect((await w.t.http.post('/api/facilities').auth(w.token.managerA, { type: 'bearer' }).send({})).status).toBe(403);
    expect((await w.t.http.post('/api/users').auth(w.token.reg410000, { type: 'bearer' }).send({})).status).toBe(403);
  });

  it('GET /api/facilities: admin all, a regulator its division (410000 covers 4104xx and 4105xx), others their own', async () => {
    const names = async (token: string) =>
      ((await w.t.http.get('/api/facilities').auth(token, { type: 'bearer' }).expect(200)).body as { id: string }[])
        .map((f) => f.id)
        .sort();
    expect(await names(w.token.admin)).toEqual([w.A, w.B, w.C].sort());
    expect(await names(w.token.reg410400)).toEqual([w.A]);
    expect(await names(w.token.reg410000)).toEqual([w.A, w.C].sort());
    expect(await names(w.token.reg370000)).toEqual([w.B]);
    expect(await names(w.token.managerA)).toEqual([w.A]);
    expect(await names(w.token.accountantA)).toEqual([w.A]);
    expect(await names(w.token.managerB)).toEqual([w.B]);
  });

  it('a manager may not move the facility to another division or change its type (403); the admin may', async () => {
    const res = await w.t.http
      .patch(`/api/facilities/${w.A}`)
      .auth(w.token.managerA, { type: 'bearer' })
      .send({ divisionCode: '370102' })
      .expect(403);
    expect(res.body.message).toEqual(['only the platform admin may change divisionCode or type (仅平台管理员可修改行政区划或机构类型)']);
    await w.t.http.patch(`/api/facilities/${w.A}`).auth(w.token.managerA, { type: 'bearer' }).send({ type: 'CARE_HOME' }).expect(403);
    await w.t.http.patch(`/api/facilities/${w.C}`).auth(w.token.admin, { type: 'bearer' }).send({ divisionCode: '410523' }).expect(200);
  });

  it('a blank name is a 400 naming the rule, not a 500', async () => {
    const res = await w.t.http.patch(`/api/facilities/${w.A}`).auth(w.token.managerA, { type: 'bearer' }).send({ name: '   ' }).expect(400);
    expect(res.body.message).toEqual(['name: a value is empty or out of range (facility_name_check) (数据不符合要求)']);
  });

  it('a manager reads and updates its facility checks (docs/rules.md §2); the regulator then reads them', async () => {
    const patch = { fireSafetyPassedOn: '2026-03-01', medicalArrangement: 'SIGNED_AGREEMENT', safetyStandardCheckedOn: '2026-04-15' };
    const res = await w.t.http.patch(`/api/facilities/${w.A}`).auth(w.token.managerA, { type: 'bearer' }).send(patch).expect(200);
    expect(res.body).toMatchObject({ id: w.A, divisionCode: '410421', ...patch });
    const seen = await w.t.http.get(`/api/facilities/${w.A}`).auth(w.token.reg410400, { type: 'bearer' }).expect(200);
    expect(seen.body).toMatchObject(patch);
  });
});
