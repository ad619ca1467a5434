import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Principal } from '@careops/db';

interface UserStanding {
  role: Principal['role'];
  facilityId: string | null;
  divisionCode: string | null;
  active: boolean;
  /** Tokens issued at or before this second are void (the account was deactivated then). */
  validAfterSeconds: number;
}

/** Users remembered per process; a busy API sees a few hundred. */
const MAX_ENTRIES = 10_000;
/** A remembered answer is asked again after this, should a notification ever be lost unnoticed. */
const TTL_MS = 30_000;

/**
 * Whether an access token's user still stands as the token says (issue 12): it exists, is not
 * deactivated, and has the same role, facility and division. Answers are kept per process and
 * forgotten on the database's `careops_user` notification (a trigger on every such change), so a
 * deactivation ends the user's sessions on every instance at once; while the listener is not
 * connected every request asks the database.
 */
@Injectable()
export class ActiveUsers implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ActiveUsers.name);
  private readonly known = new Map<string, UserStanding & { at: number }>();
  /** Bumped by every notification and reconnect: an answer read across a bump may be stale. */
  private changes = 0;
  private listener?: Client;
  private listening = false;
  private stopped = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => undefined);
  }

  /** True when the token's claims still describe the user, and it was issued after any deactivation. */
  async stands(principal: Principal, issuedAtSeconds: number): Promise<boolean> {
    const user = await this.standing(principal.userId);
    return !!user && user.active && issuedAtSeconds > user.validAfterSeconds && user.role === principal.role &&
      (user.facilityId ?? undefined) === principal.facilityId && (user.divisionCode ?? undefined) === principal.divisionCode;
  }

  /** After a change this process made itself: no need to wait for the notification. */
  forget(userId: string): void {
    this.changes++;
    this.known.delete(userId);
  }

  private async standing(userId: string): Promise<UserStanding | undefined> {
    const cached = this.known.get(userId);
    if (cached && this.listening && Date.now() - cached.at < TTL_MS) return cached;
    const listeningBefore = this.listening;
    const changesBefore = this.changes;
    const [row]: { role: Principal['role']; facility_id: string | null; division_code: string | null; disabled_at: Date | null; sessions_valid_after: Date | null }[] =
      await this.dataSource.query(`SELECT role, facility_id, division_code, disabled_at, sessions_valid_after FROM careops_auth_user(NULL, $1)`, [userId]);
    const user = row && {
      role: row.role, facilityId: row.facility_id, divisionCode: row.division_code, active: !row.disabled_at,
      validAfterSeconds: row.sessions_valid_after ? Math.floor(row.sessions_valid_after.getTime() / 1000) : 0,
    };
    // Only an answer read while notifications were arriving, and none arrived meanwhile, may be kept.
    if (user && listeningBefore && this.listening && changesBefore === this.changes) {
      if (this.known.size >= MAX_ENTRIES) this.known.delete(this.known.keys().next().value as string);
      this.known.set(userId, { ...user, at: Date.now() });
    }
    return user;
  }

  private async listen(): Promise<void> {
    const options = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: options.url, application_name: 'careops:user-listener', connectionTimeoutMillis: 5000, keepAlive: true });
    this.listener = client;
    client.on('notification', (n) => this.forget(n.payload ?? ''));
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query('LISTEN careops_user');
      this.known.clear();
      this.listening = true;
    } catch (e) {
      this.logger.warn(`user listener not connected (${(e as Error).message}); checking every request in the database`);
      this.reconnect(client);
    }
  }

  /** Once per lost client (its 'error' and 'end' both arrive): forget everything, try again in 1 s. */
  private reconnect(client: Client): void {
    if (this.listener !== client) return;
    this.changes++;
    this.listener = undefined;
    this.listening = false;
    this.known.clear();
    client.removeAllListeners();
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    if (!this.stopped) setTimeout(() => void this.listen(), 1000).unref();
  }
}
