import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { appDatabaseUrl, applyTenantScope, type TenantScope } from '@careops/db';
import { AppConfig } from '@careops/platform';

export interface DocumentRecord {
  number: string;
  kind: string;
  title: string;
  facilityId: string | null;
  divisionCode: string | null;
  claimId: string | null;
  /** The amount a billing document printed (docs/rules.md §9), null for the others. */
  totalFen: number | null;
  period: string;
  /** What the document is of (kind, facility or division, period, claim): its versions share it. */
  subject: string;
  /** SHA-256 of its facts: the data printed, without the generation time or the requester. */
  factsHash: string;
  version: number;
  /** The id of the version it replaces (version − 1), null for the first. */
  replaces: string | null;
  sha256: string;
  contentHash: string;
  pdf: Buffer;
  requestedBy: string | null;
  requestedByName: string;
  requestedByRole: string;
}

/** The latest registered version of a subject, with its bytes. */
export interface RegisteredDocument {
  id: string;
  number: string;
  version: number;
  factsHash: string;
  sha256: string;
  contentHash: string;
  pdf: Buffer;
}

/**
 * The register of issued documents, on a small pool of its own. A document is numbered
 * and recorded outside the request's transaction — a regulator's is read-only, and the record must
 * stand even if the response is lost — and never from the request pool: a request holding one of
 * its connections while waiting for another would deadlock the pool under load.
 */
@Injectable()
export class DocumentRegistry implements OnModuleDestroy {
  private readonly pool: Pool;

  constructor(config: AppConfig) {
    this.pool = new Pool({
      connectionString: appDatabaseUrl(config.DATABASE_URL, config.DATABASE_APP_URL),
      max: 2,
      connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS,
      application_name: 'careops:documents',
    });
    // An idle connection that dies (a database restart) is dropped and logged, never thrown.
    this.pool.on('error', (err) => new Logger(DocumentRegistry.name).warn({ err }, 'document register connection lost'));
  }

  async nextNumber(): Promise<number> {
    const { rows } = await this.pool.query(`SELECT nextval('document_number_seq')::int AS seq`);
    return rows[0].seq;
  }

  /** The subject's latest version as the scope sees it, or null if none was issued. */
  latest(scope: TenantScope, subject: string): Promise<RegisteredDocument | null> {
    return this.inScope(scope, async (client) => {
      const { rows } = await client.query(
        `SELECT id, number, version, facts_hash, sha256, content_hash, pdf FROM document WHERE subject = $1 ORDER BY version DESC LIMIT 1`,
        [subject],
      );
      const r = rows[0];
      return r
        ? {
            id: r.id,
            number: r.number,
            version: r.version,
            factsHash: r.facts_hash,
            sha256: r.sha256,
            contentHash: r.content_hash,
            pdf: r.pdf,
          }
        : null;
    });
  }

  /**
   * Records the document in the requester's tenant scope (RLS checks the row); returns its id, or
   * null when that version of the subject was registered meanwhile (document_version): read it again.
   */
  register(scope: TenantScope, d: DocumentRecord): Promise<string | null> {
    return this.inScope(scope, async (client) => {
      const { rows } = await client.query(
        `INSERT INTO document (number, kind, title, facility_id, division_code, claim_id, period, subject, facts_hash, version, replaces,
                               sha256, content_hash, bytes, pdf, requested_by, requested_by_name, requested_by_role, total_fen)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
         ON CONFLICT ON CONSTRAINT document_version DO NOTHING
         RETURNING id`,
        [
          d.number,
          d.kind,
          d.title,
          d.facilityId,
          d.divisionCode,
          d.claimId,
          d.period,
          d.subject,
          d.factsHash,
          d.version,
          d.replaces,
          d.sha256,
          d.contentHash,
          d.pdf.length,
          d.pdf,
          d.requestedBy,
          d.requestedByName,
          d.requestedByRole,
          d.totalFen,
        ],
      );
      return rows[0]?.id ?? null;
    });
  }

  private async inScope<T>(scope: TenantScope, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await applyTenantScope({ query: (text: string, values?: unknown[]) => client.query(text, values) } as unknown as EntityManager, {
        ...scope,
        readOnly: false,
      });
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
      throw e;
    } finally {
      // A connection that could not even roll back is discarded, not reused.
      client.release(broken);
    }
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.end();
  }
}
