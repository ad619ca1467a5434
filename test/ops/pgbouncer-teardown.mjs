// Proves the run went through PgBouncer (its own counters), then stops it and the e2e server.
import e2eTeardown from '../setup/global-teardown.mjs';

export default async function pgbouncerTeardown() {
  const bouncer = globalThis.__careopsPgBouncer;
  try {
    if (bouncer) {
      const stats = await bouncer.stats();
      const served = stats.filter((s) => s.database !== 'pgbouncer');
      const transactions = served.reduce((n, s) => n + Number(s.total_xact_count), 0);
      const queries = served.reduce((n, s) => n + Number(s.total_query_count), 0);
      console.log(`[careops ops] PgBouncer served ${transactions} transactions, ${queries} queries over ${served.length} databases`);
      if (transactions < 20) throw new Error(`PgBouncer served only ${transactions} transactions: the API did not go through it`);
    }
  } finally {
    await bouncer?.stop();
    await e2eTeardown();
  }
}
