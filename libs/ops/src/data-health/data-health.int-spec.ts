import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from 'pg';
import type PgBoss from 'pg-boss';
import { dataSourceOptions, PG_BOSS, QueueModule } from '@careops/db';
import { createTestDatabase, TestDatabase } from '@careops/db/testing';
import { DataHealthModule } from './data-health.module';
import { DATA_HEALTH_QUEUE } from './data-health.job';

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
        TypeOrmModule.forRoot({ ...dataSourceOptions({ url: db.url, poolSize: 2 }), autoLoadEntities: true }),
        QueueModule.forRoot({ url: db.url, role: 'worker' }),
        DataHealthModule.withJob({ cron: '0 3 * * *', timezone: 'Asia/Shanghai' }),
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
    expect(schedules).toEqual([
      expect.objectContaining({ name: DATA_HEALTH_QUEUE, cron: '0 3 * * *', timezone: 'Asia/Shanghai' }),
    ]);
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
    // DOMAIN.md §1: 99xxxx is no province, so no regulator would ever see that facility.
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
});
