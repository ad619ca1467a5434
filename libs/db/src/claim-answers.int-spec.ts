import { Client } from 'pg';
import { ClaimAnswers1765400000000 } from './migrations/1765400000000-claim-answers';
import { runMigrations } from './migrator';
import { createTestDatabaseBefore, TestDatabase } from './testing';

/**
 * Migration 1765400000000 (docs/rules.md §5, the bureau's answer and the history) on a database that
 * already holds answered claims: reverted and applied again, it fills their facts (the day of the
 * answer in the facility's time zone, the claimed total) and their history from the stamps.
 */
describe('migration ClaimAnswers1765400000000 over existing claims', () => {
  let db: TestDatabase;
  let owner: Client;
  beforeAll(async () => {
    db = await createTestDatabaseBefore(ClaimAnswers1765400000000);
    owner = new Client({ connectionString: db.url });
    await owner.connect();
  });
  afterAll(async () => {
    await owner?.end();
    await db?.drop();
  });

  it('reverted, then applied again: answered claims get their dates, amounts and history', async () => {
    expect((await owner.query(`SELECT to_regclass('claim_event') AS t`)).rows).toEqual([{ t: null }]);
    const [f] = (
      await owner.query<{ id: string }>(
        `INSERT INTO facility (name, type, division_code) VALUES ('迁移测试养老院', 'CARE_HOME', '410421') RETURNING id`,
      )
    ).rows;
    const [policy] = (await owner.query<{ id: string }>(`SELECT id FROM subsidy_policy WHERE programme = 'INSTITUTIONAL_CARE' LIMIT 1`))
      .rows;
    const claim = async (month: string, number: string) =>
      (
        await owner.query<{ id: string }>(
          `INSERT INTO claim (facility_id, month, number, policy_id, total_fen, created_at) VALUES ($1, $2, $3, $4, 18226, '2025-04-01T02:00:00Z') RETURNING id`,
          [f.id, month, number, policy.id],
        )
      ).rows[0].id;
    const paid = await claim('2025-03', '2025-0001');
    const rejected = await claim('2025-04', '2025-0002');
    // Submitted on 2025-04-30 at 17:00 UTC: already 2025-05-01 in Asia/Shanghai.
    await owner.query(`UPDATE claim SET state = 'SUBMITTED', submitted_at = '2025-04-30T17:00:00Z' WHERE id = ANY($1)`, [[paid, rejected]]);
    await owner.query(`UPDATE claim SET state = 'APPROVED', decided_at = '2025-05-20T16:30:00Z' WHERE id = $1`, [paid]);
    await owner.query(`UPDATE claim SET state = 'PAID', paid_at = '2025-06-02T02:00:00Z' WHERE id = $1`, [paid]);
    await owner.query(
      `UPDATE claim SET state = 'REJECTED', decided_at = '2025-05-10T03:00:00Z', rejection_reason = '材料不全' WHERE id = $1`,
      [rejected],
    );

    expect((await runMigrations({ url: db.url }))[0]).toBe('ClaimAnswers1765400000000');

    const facts = await owner.query(
      `SELECT month, estimate, approved_on::text, approved_fen::int, rejected_on::text, paid_on::text, paid_fen::int, payment_reference
       FROM claim WHERE facility_id = $1 ORDER BY month`,
      [f.id],
    );
    expect(facts.rows).toEqual([
      {
        month: '2025-03',
        estimate: false,
        approved_on: '2025-05-21',
        approved_fen: 18226,
        rejected_on: null,
        paid_on: '2025-06-02',
        paid_fen: 18226,
        payment_reference: null,
      },
      {
        month: '2025-04',
        estimate: false,
        approved_on: null,
        approved_fen: null,
        rejected_on: '2025-05-10',
        paid_on: null,
        paid_fen: null,
        payment_reference: null,
      },
    ]);
    const history = await owner.query(`SELECT from_state, to_state, note FROM claim_event WHERE claim_id = $1 ORDER BY at, written_at`, [
      rejected,
    ]);
    expect(history.rows).toEqual([
      { from_state: null, to_state: 'DRAFT', note: null },
      { from_state: 'DRAFT', to_state: 'SUBMITTED', note: null },
      { from_state: 'SUBMITTED', to_state: 'REJECTED', note: '材料不全' },
    ]);
    expect((await owner.query(`SELECT to_state FROM claim_event WHERE claim_id = $1 ORDER BY at, written_at`, [paid])).rows).toEqual([
      { to_state: 'DRAFT' },
      { to_state: 'SUBMITTED' },
      { to_state: 'APPROVED' },
      { to_state: 'PAID' },
    ]);
    // From now on the facts hold: a recorded approval never changes.
    await expect(owner.query(`UPDATE claim SET approved_fen = 1 WHERE id = $1`, [paid])).rejects.toThrow(/cannot change/);
  });
});
