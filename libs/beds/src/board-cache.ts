import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { DatabaseServers, FacilityWrites, PgNotifications } from '@careops/db';

export interface BoardEntry<T = unknown> {
  generation: number;
  value: T;
  body: Buffer;
  etag: string;
  /** The body gzip-compressed once, for clients that accept it (browsers do): ~10× smaller. */
  gzip: Buffer;
}

/** Boards kept per process (a 500-bed board is ~0.5 MB with its gzip copy): the dates people look at. */
const MAX_ENTRIES = 64;

/**
 * Serialized bed boards per (facility, date). An entry is served only while its facility's
 * generation is unchanged: this process bumps it after its own writes, and every process bumps it
 * on the database's `careops_board` notification (triggers on every table the board shows). While
 * the listener is not connected nothing is served from the cache.
 */
@Injectable()
export class BoardCache implements OnModuleInit, OnModuleDestroy {
  private readonly entries = new Map<string, BoardEntry>();
  private readonly generations = new Map<string, number>();
  /** Bumped whenever the listener connects or is lost: notifications may have been missed. */
  private epoch = 0;
  private readonly notifications: PgNotifications;

  constructor(@InjectDataSource() dataSource: DataSource, writes: FacilityWrites, servers: DatabaseServers) {
    writes.subscribe((facilityId) => this.invalidate(facilityId));
    this.notifications = new PgNotifications({
      // LISTEN needs a session of its own: past a pooler, straight to PostgreSQL (docs/scale.md).
      url: servers.direct((dataSource.options as { url: string }).url),
      channel: 'careops_board',
      applicationName: 'careops:board-listener',
      onNotify: (facilityId) => this.invalidate(facilityId),
      onReset: () => {
        this.entries.clear();
        this.epoch++;
      },
      meanwhile: 'serving uncached',
    });
  }

  private get listening(): boolean {
    return this.notifications.listening;
  }

  onModuleInit(): Promise<void> {
    return this.notifications.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.notifications.stop();
  }

  generation(facilityId: string): number {
    return this.epoch * 1_000_000_000 + (this.generations.get(facilityId) ?? 0);
  }

  invalidate(facilityId: string): void {
    this.generations.set(facilityId, (this.generations.get(facilityId) ?? 0) + 1);
  }

  get(facilityId: string, date: string): BoardEntry | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(`${facilityId}|${date}`);
    return entry && entry.generation === this.generation(facilityId) ? entry : undefined;
  }

  /** `generation` is the one read before the board was queried: a write in between voids the entry. */
  put(facilityId: string, date: string, generation: number, value: unknown): BoardEntry {
    const body = Buffer.from(JSON.stringify(value));
    const entry = {
      generation,
      value,
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      gzip: gzipSync(body, { level: 6 }),
    };
    if (this.listening && generation === this.generation(facilityId)) {
      const key = `${facilityId}|${date}`;
      this.entries.delete(key);
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, entry);
    }
    return entry;
  }
}
