import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { appDatabaseUrl } from './app-role';
import { createDataSource } from './data-source';

/**
 * `url`'s login (user, password, options) on the server and database of `server`: the same role
 * reached another way — straight to PostgreSQL past a pooler, or on a streaming replica, which has
 * the primary's roles (docs/scale.md).
 */
export function onServer(url: string, server: string): string {
  const target = new URL(url);
  const where = new URL(server);
  target.hostname = where.hostname;
  target.port = where.port;
  target.pathname = where.pathname;
  return target.toString();
}

export interface DatabaseServerSettings {
  /** DATABASE_DIRECT_URL: PostgreSQL itself when DATABASE_URL is a pooler in transaction mode. */
  directUrl?: string;
  /** The app's login on the read replica (DATABASE_READ_URL's server): unset, reads stay on the primary. */
  readAppUrl?: string;
  poolSize?: number;
  connectTimeoutMs?: number;
  applicationName?: string;
}

export const DATABASE_SERVERS = Symbol('DATABASE_SERVERS');

/** The configuration's database variables (AppConfig's, README "Configuration"). */
export interface DatabaseConfig {
  DATABASE_URL: string;
  DATABASE_APP_URL?: string;
  DATABASE_DIRECT_URL?: string;
  DATABASE_READ_URL?: string;
  DATABASE_POOL_SIZE?: number;
  DATABASE_CONNECT_TIMEOUT_MS?: number;
}

/** The owner's login on PostgreSQL itself (DATABASE_DIRECT_URL past a pooler): the migrator, the queue. */
export function directOwnerUrl(config: DatabaseConfig): string {
  return config.DATABASE_DIRECT_URL ? onServer(config.DATABASE_URL, config.DATABASE_DIRECT_URL) : config.DATABASE_URL;
}

/** Where a process's sessions go past a pooler, and its login on the replica. */
export function databaseServers(config: DatabaseConfig, applicationName: string): DatabaseServerSettings {
  const app = appDatabaseUrl(config.DATABASE_URL, config.DATABASE_APP_URL);
  return {
    directUrl: config.DATABASE_DIRECT_URL,
    readAppUrl: config.DATABASE_READ_URL ? onServer(app, config.DATABASE_READ_URL) : undefined,
    poolSize: config.DATABASE_POOL_SIZE,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    applicationName,
  };
}

/**
 * Which server a connection goes to. What needs a session of its own — LISTEN, session-level
 * advisory locks (the migrator), pg-boss — goes direct; request transactions go through DATABASE_URL
 * (a pooler, when there is one); the reads docs/scale.md lists go to the replica.
 */
@Injectable()
export class DatabaseServers implements OnModuleDestroy {
  private readonly logger = new Logger('Replica');
  private replica?: Promise<DataSource>;

  constructor(@Optional() @Inject(DATABASE_SERVERS) private readonly settings: DatabaseServerSettings = {}) {}

  /** `url`'s login on the server that keeps session state (itself when there is no pooler). */
  direct(url: string): string {
    return this.settings.directUrl ? onServer(url, this.settings.directUrl) : url;
  }

  get hasReplica(): boolean {
    return Boolean(this.settings.readAppUrl);
  }

  /**
   * `work` in a read-only transaction on the replica, with the app's login (row-level security as on
   * the primary). Connected on first use: a replica down at boot does not stop the API.
   */
  async readTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const url = this.settings.readAppUrl;
    if (!url) throw new Error('no read replica configured');
    this.replica ??= createDataSource({
      url,
      poolSize: this.settings.poolSize ?? 10,
      connectTimeoutMs: this.settings.connectTimeoutMs,
      applicationName: this.settings.applicationName ?? 'careops:replica',
    })
      .initialize()
      .catch((e: unknown) => {
        this.replica = undefined;
        throw e;
      });
    const dataSource = await this.replica;
    return dataSource.transaction(async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return work(manager);
    });
  }

  async onModuleDestroy(): Promise<void> {
    const replica = this.replica;
    this.replica = undefined;
    if (!replica) return;
    await replica.then((d) => d.destroy()).catch((e: unknown) => this.logger.warn({ err: e }, 'closing the replica pool'));
  }
}
