// What `npm run backup` and `npm run restore` share: their one-line refusals, and the database they work
// on — DATABASE_URL, or the embedded one of `npm start`, started here when it is not running and stopped
// again afterwards.
import { join, relative, resolve } from 'node:path';

/** A refusal or failure: said in one line, the exit status 1 (after the embedded server, if started here, stops). */
export class Failure extends Error {}
export const fail = (m) => {
  throw new Failure(m);
};

/**
 * `work(url)` on DATABASE_URL, or on the embedded database in CAREOPS_DATA_DIR (default `root/.data`),
 * which is said first with `saying(its directory)`. A data directory of another PostgreSQL major is
 * refused, never set aside (scripts/lib/pg-cluster.mjs): a backup or restore must not quietly work on
 * a new, empty database instead.
 */
export async function onTheDatabase(root, say, saying, work) {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const { ensureCluster } = await import('./pg-cluster.mjs');
  const dir = join(resolve(process.env.CAREOPS_DATA_DIR ?? join(root, '.data')), 'pg');
  say(saying(relative(process.cwd(), dir) || dir));
  let embedded;
  try {
    embedded = await ensureCluster({ dir, database: 'careops', setAside: false });
  } catch (e) {
    fail(e.message);
  }
  try {
    return await work(embedded.url);
  } finally {
    if (embedded.started) await embedded.cluster.stop();
  }
}

/** Runs `main`: a Failure is said in one line after `prefix`, with the exit status 1; anything else is a bug and thrown. */
export async function runScript(prefix, main) {
  try {
    await main();
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    console.error(`${prefix} ${e.message}`);
    process.exitCode = 1;
  }
}
