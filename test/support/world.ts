import { createOrResetAdmin } from '@careops/auth';
import { idNumberCheckChar, idNumberGender } from '@careops/care';
import { createDataSource } from '@careops/db';
import { createTestDatabase, TestDatabase } from '@careops/db/testing';
import { Client } from 'pg';
import { startTestApp, TestApp } from './test-app';

export const PASSWORD = 'Lotus-Pond-7731';

/** Three facilities and one user of each kind, made through the API as a platform admin would. */
export interface World {
  db: TestDatabase;
  t: TestApp;
  /** 410421 宝丰县 (under 410400 平顶山市, 410000 河南省); a street center: beds and day care. */
  A: string;
  /** 370102 济南市历下区 (山东省). */
  B: string;
  /** 410522 安阳县 (河南省, not 平顶山市). */
  C: string;
  token: Record<'admin' | 'managerA' | 'accountantA' | 'managerB' | 'reg410400' | 'reg370000' | 'reg410000', string>;
  /** A query as the database owner (bypasses nothing: the owner is a superuser here). */
  sql<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function login(t: TestApp, username: string, password = PASSWORD): Promise<string> {
  const res = await t.http.post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

export async function buildWorld(env: Record<string, string> = {}): Promise<World> {
  const db = await createTestDatabase();
  const owner = await createDataSource({ url: db.url, poolSize: 1 }).initialize();
  await createOrResetAdmin(owner, 'root', PASSWORD);
  await owner.destroy();
  const t = await startTestApp(db.url, [], env);
  const admin = await login(t, 'root');
  const facility = async (name: string, type: string, divisionCode: string) => {
    const res = await t.http
      .post('/api/facilities')
      .auth(admin, { type: 'bearer' })
      .send({ name, type, divisionCode, buildingAreaM2: 2000 });
    if (res.status !== 201) throw new Error(`facility ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const A = await facility('颐康综合养老服务中心', 'STREET_CENTER', '410421');
  const B = await facility('康宁护理院', 'STREET_CENTER', '370102');
  const C = await facility('安阳县日间照料中心', 'DAY_CENTER', '410522');
  const user = async (username: string, body: Record<string, string>) => {
    const res = await t.http
      .post('/api/users')
      .auth(admin, { type: 'bearer' })
      .send({ username, password: PASSWORD, ...body });
    if (res.status !== 201) throw new Error(`user ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return login(t, username);
  };
  const token = {
    admin,
    managerA: await user('manager.a', { role: 'FACILITY_MANAGER', facilityId: A }),
    accountantA: await user('accountant.a', { role: 'ACCOUNTANT', facilityId: A }),
    managerB: await user('manager.b', { role: 'FACILITY_MANAGER', facilityId: B }),
    reg410400: await user('reg.410400', { role: 'REGULATOR', divisionCode: '410400' }),
    reg370000: await user('reg.370000', { role: 'REGULATOR', divisionCode: '370000' }),
    reg410000: await user('reg.410000', { role: 'REGULATOR', divisionCode: '410000' }),
  };
  const client = new Client({ connectionString: db.url });
  await client.connect();
  return {
    db,
    t,
    A,
    B,
    C,
    token,
    sql: async <T>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as T[],
    close: async () => {
      // every mutating request of the suite left exactly one audit row (refusals of
      // sign-in and refresh included; other refused writes roll back and leave none).
      const audited = await client.query<{ request_id: string; n: number }>(
        `SELECT request_id, count(*)::int AS n FROM audit_event WHERE request_id IS NOT NULL GROUP BY request_id`,
      );
      const rows = new Map(audited.rows.map((r) => [r.request_id, r.n]));
      const wrong = t.exchanges
        .filter((e) => e.method !== 'GET' && e.method !== 'HEAD')
        .map((e) => ({ ...e, auditRows: rows.get(e.requestId) ?? 0 }))
        .filter((e) => {
          const expected = e.status < 400 || (/^\/api\/auth\/(login|refresh)/.test(e.path) && e.status === 401) ? 1 : 0;
          return e.auditRows !== expected;
        });
      await t.close();
      await client.end();
      await db.drop();
      if (wrong.length > 0) throw new Error(`requests with the wrong number of audit rows: ${JSON.stringify(wrong, null, 1)}`);
    },
  };
}

/** Valid ID numbers for tests: GB 11643 check character computed, birth date as given. */
/** The gender an ID number states (digit 17, odd = male): a resident's must agree (docs/rules.md §4). */
export const genderOf = idNumberGender;

export function idNumberFor(dateOfBirth: string, seq: number, region = '410421'): string {
  const first17 = `${region}${dateOfBirth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

export interface Populated {
  roomId: string;
  beds: string[];
  residents: string[];
  admissionId: string;
}

/** One of everything a facility holds (rooms, beds, residents, an admission with a leave, day care). */
export async function populate(w: World, facilityId: string, token: string, seed: number): Promise<Populated> {
  const http = w.t.http;
  const base = `/api/facilities/${facilityId}`;
  const ok = async (res: { status: number; body: { id?: string } }, what: string) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const room = await ok(
    await http
      .post(`${base}/rooms`)
      .auth(token, { type: 'bearer' })
      .send({ building: '1号楼', floor: 1, number: `10${seed}` }),
    'room',
  );
  const beds: string[] = [];
  for (const [i, kind] of ['NURSING', 'GENERAL'].entries()) {
    const bed = await ok(
      await http
        .post(`${base}/beds`)
        .auth(token, { type: 'bearer' })
        .send({ code: `P${seed}-${i}`, roomId: room.id, kind }),
      'bed',
    );
    beds.push(bed.id as string);
  }
  const residents: string[] = [];
  for (const i of [1, 2]) {
    const dob = `194${seed}-0${i}-1${i}`;
    const r = await ok(
      await http
        .post(`${base}/residents`)
        .auth(token, { type: 'bearer' })
        .send({
          name: `测试老人${seed}${i}`,
          gender: genderOf(idNumberFor(dob, seed * 10 + i)),
          dateOfBirth: dob,
          idNumber: idNumberFor(dob, seed * 10 + i),
        }),
      'resident',
    );
    residents.push(r.id as string);
  }
  const admission = await ok(
    await http
      .post(`${base}/admissions`)
      .auth(token, { type: 'bearer' })
      .send({ residentId: residents[0], bedId: beds[0], admittedOn: '2026-01-05', careLevel: 'SEMI_DISABLED' }),
    'admission',
  );
  await ok(
    await http
      .post(`${base}/admissions/${admission.id}/leaves`)
      .auth(token, { type: 'bearer' })
      .send({ from: '2026-02-01', to: '2026-02-04', reason: '回家' }),
    'leave',
  );
  // A leave entered in error and voided (docs/rules.md §12): a correction, and an entry out of force.
  const withMistake = await ok(
    await http
      .post(`${base}/admissions/${admission.id}/leaves`)
      .auth(token, { type: 'bearer' })
      .send({ from: '2026-02-10', to: '2026-02-12', reason: '录错' }),
    'leave',
  );
  const mistaken = (withMistake as unknown as { leaves: { id: string; from: string }[] }).leaves.find((l) => l.from === '2026-02-10');
  await ok(await http.post(`${base}/leaves/${mistaken?.id}/void`).auth(token, { type: 'bearer' }).send({ reason: '未请假' }), 'void');
  await ok(
    await http
      .patch(`${base}/beds/${beds[1]}`)
      .auth(token, { type: 'bearer' })
      .send({ inService: false, reason: '维修', on: '2026-03-01' }),
    'outage',
  );
  await ok(
    await http
      .post(`${base}/day-members`)
      .auth(token, { type: 'bearer' })
      .send({ residentId: residents[1], enrolledOn: '2026-01-01', careLevel: 'SELF_CARE' }),
    'member',
  );
  await ok(
    await http
      .post(`${base}/attendance`)
      .auth(token, { type: 'bearer' })
      .send({ residentId: residents[1], day: '2026-01-02', checkIn: '08:30', checkOut: '16:30' }),
    'attendance',
  );
  await ok(
    await http
      .post(`${base}/service-records`)
      .auth(token, { type: 'bearer' })
      .send({ residentId: residents[1], kind: 'MEAL', servedAt: '2026-01-02T11:30:00+08:00', servedBy: '张护理员' }),
    'service',
  );
  await ok(
    await http
      .post(`${base}/residents/${residents[1]}/assessments`)
      .auth(token, { type: 'bearer' })
      .send({ grade: 'MODERATE', effectiveOn: '2026-01-20', assessor: '李评估员' }),
    'assessment',
  );
  await ok(
    await http
      .post(`${base}/home-care-beds`)
      .auth(token, { type: 'bearer' })
      .send({ residentId: residents[1], from: '2026-01-01', address: `测试路${seed}号` }),
    'home-care bed',
  );
  const staff = await ok(
    await http
      .post(`${base}/staff`)
      .auth(token, { type: 'bearer' })
      .send({ name: `护理员${seed}`, role: 'CAREGIVER', employedFrom: '2025-01-01', fte: 1 }),
    'staff',
  );
  await ok(
    await http
      .post(`${base}/staff/${staff.id}/trainings`)
      .auth(token, { type: 'bearer' })
      .send({ course: '岗前培训', completedOn: '2025-01-01', passed: true }),
    'training',
  );
  await ok(
    await http
      .post(`${base}/staff/${staff.id}/certificates`)
      .auth(token, { type: 'bearer' })
      .send({ type: '养老护理员职业技能等级证书', number: `S-${seed}`, issuedOn: '2025-01-01', expiresOn: '2028-01-01' }),
    'certificate',
  );
  // Service safety (docs/rules.md §10): a nine-risk assessment, an incident closed with the family notice, a fire drill.
  await ok(
    await http
      .post(`${base}/residents/${residents[1]}/risk-assessments`)
      .auth(token, { type: 'bearer' })
      .send({
        assessedOn: '2026-01-06',
        risks: {
          CHOKING: 'NONE',
          WRONG_INTAKE: 'NONE',
          PRESSURE_INJURY: 'LOW',
          SCALD: 'NONE',
          FALL_FROM_BED: 'NONE',
          FALL: 'HIGH',
          WANDERING: 'NONE',
          HARM: 'NONE',
          RECREATION: 'NONE',
        },
        measures: { FALL: '床栏、防滑鞋' },
      }),
    'risk assessment',
  );
  const incident = await ok(
    await http
      .post(`${base}/incidents`)
      .auth(token, { type: 'bearer' })
      .send({
        type: 'FALL',
        occurredAt: '2026-01-10T10:00:00+08:00',
        place: `10${seed} 房间`,
        residentIds: [residents[0]],
        description: '起身时滑倒',
      }),
    'incident',
  );
  await ok(
    await http.post(`${base}/incidents/${incident.id}/close`).auth(token, { type: 'bearer' }).send({
      familyNotifiedAt: '2026-01-10T11:00:00+08:00',
      familyNotifiedHow: '电话',
      familyNotifiedBy: '值班护士',
      review: '床边加防滑垫',
    }),
    'incident close',
  );
  await ok(
    await http
      .post(`${base}/safety-drills`)
      .auth(token, { type: 'bearer' })
      .send({ kind: 'FIRE_DRILL', on: '2026-01-15', participants: '全体在班员工', findings: '疏散顺利' }),
    'drill',
  );
  // A claim for January (the admission above is in it).
  await ok(
    await http
      .post(`${base}/claims`)
      .auth(w.token.admin, { type: 'bearer' })
      .set('Idempotency-Key', `populate-${seed}`)
      .send({ month: '2026-01' }),
    'claim',
  );
  // January's monthly report 月报 (docs/rules.md §11).
  await ok(await http.post(`${base}/monthly-reports`).auth(token, { type: 'bearer' }).send({ month: '2026-01' }), 'monthly report');
  // Issued documents are recorded by the renderer; one record stands for them here.
  await w.sql(
    `INSERT INTO document (number, kind, title, facility_id, period, sha256, content_hash, bytes, requested_by_name, requested_by_role)
               VALUES ('TEST-' || $2, 'COMPLIANCE', '养老机构合规报告', $1, '2026-01', encode(sha256($2::bytea), 'hex'), encode(sha256($2::bytea), 'hex'), 1, 'test', 'FACILITY_MANAGER')`,
    [facilityId, `populate-${seed}`],
  );
  // Alerts are the worker's to write.
  await w.sql(
    `INSERT INTO compliance_alert (facility_id, day, kind, detail) VALUES ($1, '2026-01-06', 'STAFFING_PROJECTED_NONCOMPLIANT', '{}')`,
    [facilityId],
  );
  return { roomId: room.id as string, beds, residents, admissionId: admission.id as string };
}
