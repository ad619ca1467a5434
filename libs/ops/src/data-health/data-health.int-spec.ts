import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from 'pg';
import type PgBoss from 'pg-boss';
import { appDatabaseUrl, dataSourceOptions, PG_BOSS, QueueModule, TenancyModule } from '@careops/db';
import { createTestDatabase, TestDatabase } from '@careops/db/testing';
import { WorkerJobsModule } from '../worker-jobs.module';
import { DATA_HEALTH_QUEUE } from './data-health.job';
import { STAFFING_ALERTS_QUEUE } from '../staffing-alerts/staffing-alerts.job';
import { CLAIM_REMINDERS_QUEUE, MONTHLY_CLAIMS_QUEUE } from '../claims-jobs/monthly-claims.job';
import { MONTHLY_REPORT_REMINDERS_QUEUE } from '../supervision-jobs/monthly-report-reminders.job';

async function waitFor<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('nightly data-health check (worker, pg-boss)', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext;
  let sql: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    const moduleRef = await Test.createTestingModule({
      imports: [
        // As in production: the worker's queries run as the application role, under RLS.
        TypeOrmModule.forRoot({ ...dataSourceOptions({ url: appDatabaseUrl(db.url), poolSize: 2 }), autoLoadEntities: true }),
        TenancyModule.forRoot(),
        QueueModule.forRoot({ url: db.url, role: 'worker' }),
        WorkerJobsModule.forRoot({ cron: '0 3 * * *', timezone: 'Asia/Shanghai' }),
      ],
    }).compile();
    worker = await moduleRef.createNestApplication().init();
  });

  afterAll(async () => {
    await worker?.close();
    await sql?.end();
    await db?.drop();
  });

  it('is scheduled nightly at 03:00 Asia/Shanghai', async () => {
    const boss = worker.get<PgBoss>(PG_BOSS);
    const schedules = await boss.getSchedules();
    expect(schedules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: DATA_HEALTH_QUEUE, cron: '0 3 * * *', timezone: 'Asia/Shanghai' }),
        expect.objectContaining({ name: STAFFING_ALERTS_QUEUE, cron: '0 18 * * *', timezone: 'Asia/Shanghai' }),
        expect.objectContaining({ name: MONTHLY_CLAIMS_QUEUE, cron: '0 2 1 * *', timezone: 'Asia/Shanghai' }),
        expect.objectContaining({ name: CLAIM_REMINDERS_QUEUE, cron: '0 9 20 * *', timezone: 'Asia/Shanghai' }),
        expect.objectContaining({ name: MONTHLY_REPORT_REMINDERS_QUEUE, cron: '0 9 20 * *', timezone: 'Asia/Shanghai' }),
      ]),
    );
  });

  it('a job on the queue is picked up by the worker and writes its report', async () => {
    await sql.query(
      `INSERT INTO facility (name, type, division_code) VALUES ('甲', 'CARE_HOME', '410421'), ('乙', 'DAY_CENTER', '990100')`,
    );
    const boss = worker.get<PgBoss>(PG_BOSS);
    const jobId = await boss.send(DATA_HEALTH_QUEUE, { trigger: 'SCHEDULE' });
    if (!jobId) throw new Error('the queue refused the job');
    const report = await waitFor(async () => {
      const { rows } = await sql.query('SELECT ok, checks, trigger FROM data_health_report WHERE job_id = $1', [jobId]);
      return rows[0];
    }, 20_000);
    expect(report.trigger).toBe('SCHEDULE');
    // docs/rules.md §1: 99xxxx is no province, so no regulator would ever see that facility.
    expect(report.ok).toBe(false);
    expect(report.checks).toEqual([
      { name: 'migrations_current', ok: true, detail: 'schema is current' },
      expect.objectContaining({ name: 'facility_division_codes', ok: false, detail: expect.stringContaining('(990100)') }),
      { name: 'row_counts', ok: true, detail: 'facility=2' },
    ]);
    const job = await waitFor(async () => {
      const j = await boss.getJobById(DATA_HEALTH_QUEUE, jobId);
      return j?.state === 'completed' ? j : undefined;
    }, 10_000);
    expect(job.output).toEqual({ reportId: expect.any(String), ok: false });
  });
  it('the staffing-alerts job projects tomorrow and writes an alert for a facility short of caregivers', async () => {
    const one = async (text: string, values: unknown[]) => (await sql.query(text, values)).rows[0];
    const f = await one(`INSERT INTO facility (name, type, division_code) VALUES ('丙', 'CARE_HOME', '410421') RETURNING id`, []);
    const r = await one(
      `INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked)
       VALUES ($1, '王秀英', 'F', '1949-12-31', '\\x00', 1, '\\x01', '110105********002X') RETURNING id`,
      [f.id],
    );
    const room = await one(`INSERT INTO room (facility_id, building, floor, number) VALUES ($1, 'a', 1, '1') RETURNING id`, [f.id]);
    const bed = await one(`INSERT INTO bed (facility_id, room_id, code, kind) VALUES ($1, $2, 'X-1', 'NURSING') RETURNING id`, [
      f.id,
      room.id,
    ]);
    const a = await one(
      `INSERT INTO admission (facility_id, resident_id, period) VALUES ($1, $2, daterange('2026-01-01', NULL)) RETURNING id`,
      [f.id, r.id],
    );
    await sql.query(
      `INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period) VALUES ($1, $2, $3, $4, daterange('2026-01-01', NULL))`,
      [f.id, a.id, r.id, bed.id],
    );
    await sql.query(
      `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, assessor) VALUES ($1, $2, '2026-01-01', 'FULLY_DISABLED', 'x')`,
      [f.id, r.id],
    );
    const boss = worker.get<PgBoss>(PG_BOSS);
    const jobId = await boss.send(STAFFING_ALERTS_QUEUE, { today: '2026-03-11' });
    if (!jobId) throw new Error('the queue refused the job');
    const alert = await waitFor(async () => {
      const { rows } = await sql.query(`SELECT day::text AS day, kind, detail FROM compliance_alert WHERE facility_id = $1`, [f.id]);
      return rows[0];
    }, 20_000);
    expect(alert).toEqual({
      day: '2026-03-12',
      kind: 'STAFFING_PROJECTED_NONCOMPLIANT',
      detail: {
        required: 1,
        counted: 0,
        residentsByLevel: { SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 1 },
        excluded: [],
        projectedOn: '2026-03-11',
      },
    });
  });
  it("on the 1st the worker drafts last month's claims; on the 20th it reminds those not submitted", async () => {
    const boss = worker.get<PgBoss>(PG_BOSS);
    const drafted = await boss.send(MONTHLY_CLAIMS_QUEUE, { today: '2026-02-01' });
    if (!drafted) throw new Error('the queue refused the job');
    const claim = await waitFor(async () => {
      const { rows } = await sql.query(
        `SELECT c.number, c.state, c.total_fen::int AS total FROM claim c JOIN facility f ON f.id = c.facility_id WHERE f.name = '丙' AND c.month = '2026-01'`,
      );
      return rows[0];
    }, 20_000);
    // One 全失能 resident in care all January: exactly the rate (docs/rules.md §5).
    expect(claim).toEqual({ number: '2026-0001', state: 'DRAFT', total: 30000 });
    // The day center 乙 claims its operating subsidy (docs/rules.md §5: ¥20,000 a year, January's share).
    const operating = await waitFor(async () => {
      const { rows } = await sql.query(
        `SELECT c.programme, c.total_fen::int AS total FROM claim c JOIN facility f ON f.id = c.facility_id WHERE f.name = '乙' AND c.month = '2026-01'`,
      );
      return rows[0];
    }, 20_000);
    expect(operating).toEqual({ programme: 'DAY_CENTER_OPERATION', total: 166667 });
    const reminded = await boss.send(CLAIM_REMINDERS_QUEUE, { today: '2026-02-20' });
    if (!reminded) throw new Error('the queue refused the job');
    const alert = await waitFor(async () => {
      const { rows } = await sql.query(
        `SELECT a.kind, a.detail ->> 'month' AS month FROM compliance_alert a JOIN facility f ON f.id = a.facility_id WHERE f.name = '丙' AND a.kind = 'CLAIM_NOT_SUBMITTED'`,
      );
      return rows[0];
    }, 20_000);
    expect(alert).toEqual({ kind: 'CLAIM_NOT_SUBMITTED', month: '2026-01' });
    // Facilities are reminded one after another: wait for the day center's too.
    const dayCenter = await waitFor(async () => {
      const { rows } = await sql.query(
        `SELECT a.detail -> 'programmes' AS programmes, a.detail ->> 'message' AS message FROM compliance_alert a JOIN facility f ON f.id = a.facility_id WHERE f.name = '乙'`,
      );
      return rows[0];
    }, 20_000);
    expect(dayCenter).toEqual({
      programmes: ['DAY_CENTER_OPERATION'],
      message: '2026-01 的日间照料中心运营补贴申领尚未提交，民政局截止日为本月25日',
    });
  });
  it('on the 20th it reminds the facilities whose monthly report is not submitted (docs/rules.md §11)', async () => {
    const one = async (text: string, values: unknown[]) => (await sql.query(text, values)).rows[0];
    const done = await one(`INSERT INTO facility (name, type, division_code) VALUES ('已报', 'CARE_HOME', '410421') RETURNING id`, []);
    const notYet = await one(`INSERT INTO facility (name, type, division_code) VALUES ('未报', 'CARE_HOME', '410421') RETURNING id`, []);
    // An archived facility is reminded of nothing.
    const archived = await one(
      `INSERT INTO facility (name, type, division_code, archived_at, archive_reason) VALUES ('已归档', 'CARE_HOME', '410421', now(), '停业') RETURNING id`,
      [],
    );
    await sql.query(`INSERT INTO monthly_report (facility_id, month, seq, snapshot) VALUES ($1, '2026-04-01', 1, '{}')`, [done.id]);
    const boss = worker.get<PgBoss>(PG_BOSS);
    const jobId = await boss.send(MONTHLY_REPORT_REMINDERS_QUEUE, { today: '2026-05-20' });
    if (!jobId) throw new Error('the queue refused the job');
    const job = await waitFor(async () => {
      const j = await boss.getJobById(MONTHLY_REPORT_REMINDERS_QUEUE, jobId);
      return j?.state === 'completed' ? j : undefined;
    }, 20_000);
    const { rows } = await sql.query(
      `SELECT f.name, a.day::text AS day, a.detail FROM compliance_alert a JOIN facility f ON f.id = a.facility_id
       WHERE a.kind = 'MONTHLY_REPORT_NOT_SUBMITTED' AND f.id = ANY($1::uuid[])`,
      [[done.id, notYet.id, archived.id]],
    );
    expect(rows).toEqual([
      {
        name: '未报',
        day: '2026-05-20',
        detail: { month: '2026-04', deadline: '2026-05-25', message: '2026-04 的月报尚未报送，民政局截止日为 2026-05-25' },
      },
    ]);
    expect((job.output as { month: string }).month).toBe('2026-04');
  });
});
