import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import { appDatabaseUrl, applyTenantScope, type TenantScope } from '@careops/db';
import { AppConfig } from '@careops/platform';

export interface DocumentRecord {
  number: string;
  kind: string;
  title: string;
  facilityId: string | null;
  divisionCode: string | null;
  period: string;
  sha256: string;
  contentHash: string;
  bytes: number;
  requestedBy: string | null;
  requestedByName: string;
  requestedByRole: string;
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

  /** Records the document in the requester's tenant scope (RLS checks the row); returns its id. */
  async record(scope: TenantScope, d: DocumentRecord): Promise<string> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await applyTenantScope({ query: (text: string, values?: unknown[]) => client.query(text, values) } as unknown as EntityManager, {
        ...scope,
        readOnly: false,
      });
      const { rows } = await client.query(
        `INSERT INTO document (number, kind, title, facility_id, division_code, period, sha256, content_hash, bytes, requested_by, requested_by_name, requested_by_role)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          d.number,
          d.kind,
          d.title,
          d.facilityId,
          d.divisionCode,
          d.period,
          d.sha256,
          d.contentHash,
          d.bytes,
          d.requestedBy,
          d.requestedByName,
          d.requestedByRole,
        ],
      );
      await client.query('COMMIT');
      return rows[0].id;
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
