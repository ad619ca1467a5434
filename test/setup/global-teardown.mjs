import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';

export default async function globalTeardown() {
  const { adminUrl, template } = globalThis.__careopsTemplate ?? {};
  const cluster = globalThis.__careopsCluster;
  if (cluster) {
    await cluster.stop();
    rmSync(dirname(cluster.dir), { recursive: true, force: true });
    return;
  }
  if (adminUrl) {
    // An external server: drop what we made (the per-file databases drop themselves).
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
    await admin.end();
  }
}
