import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DatabaseServers, PgNotifications, type Principal } from '@careops/db';
import { SessionsRepository } from './auth.repository';

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
 * Whether an access token's user still stands as the token says: it exists, is not
 * deactivated, and has the same role, facility and division. Answers are kept per process and
 * forgotten on the database's `careops_user` notification (a trigger on every such change), so a
 * deactivation ends the user's sessions on every instance at once; while the listener is not
 * connected every request asks the database.
 */
@Injectable()
export class ActiveUsers implements OnModuleInit, OnModuleDestroy {
  private readonly known = new Map<string, UserStanding & { at: number }>();
  /** Bumped by every notification and reconnect: an answer read across a bump may be stale. */
  private changes = 0;
  private readonly notifications: PgNotifications;
  private readonly sessions: SessionsRepository;

  constructor(@InjectDataSource() dataSource: DataSource, servers: DatabaseServers) {
    this.sessions = new SessionsRepository(dataSource);
    this.notifications = new PgNotifications({
      // LISTEN needs a session of its own: past a pooler, straight to PostgreSQL (docs/scale.md).
      url: servers.direct((dataSource.options as { url: string }).url),
      channel: 'careops_user',
      applicationName: 'careops:user-listener',
      onNotify: (userId) => this.forget(userId),
      onReset: () => {
        this.changes++;
        this.known.clear();
      },
      meanwhile: 'checking every request in the database',
    });
  }

  onModuleInit(): Promise<void> {
    return this.notifications.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.notifications.stop();
  }

  private get listening(): boolean {
    return this.notifications.listening;
  }

  /** True when the token's claims still describe the user, and it was issued after any deactivation. */
  async stands(principal: Principal, issuedAtSeconds: number): Promise<boolean> {
    const user = await this.standing(principal.userId);
    return (
      !!user &&
      user.active &&
      issuedAtSeconds > user.validAfterSeconds &&
      user.role === principal.role &&
      (user.facilityId ?? undefined) === principal.facilityId &&
      (user.divisionCode ?? undefined) === principal.divisionCode
    );
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
    const row = await this.sessions.standing(userId);
    const user = row && {
      role: row.role,
      facilityId: row.facilityId,
      divisionCode: row.divisionCode,
      active: !row.disabledAt,
      validAfterSeconds: row.sessionsValidAfter ? Math.floor(row.sessionsValidAfter.getTime() / 1000) : 0,
    };
    // Only an answer read while notifications were arriving, and none arrived meanwhile (a loss is
    // one too), may be kept.
    if (user && listeningBefore && changesBefore === this.changes) {
      if (this.known.size >= MAX_ENTRIES) this.known.delete(this.known.keys().next().value as string);
      this.known.set(userId, { ...user, at: Date.now() });
    }
    return user;
  }
}
