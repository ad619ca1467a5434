import { Logger } from '@nestjs/common';
import { Client } from 'pg';

export interface PgNotificationsOptions {
  url: string;
  channel: string;
  applicationName: string;
  /** One notification's payload. */
  onNotify: (payload: string) => void;
  /** Connected afresh, or lost: notifications may have been missed, so what depends on them is void. */
  onReset: () => void;
  /** What the caller does while not listening, for the log line. */
  meanwhile: string;
}

/**
 * A LISTEN on a connection of its own (LISTEN needs one that no pool shares) that reconnects by
 * itself every second after a loss; `listening` says whether notifications are arriving now.
 * Connects time out, and keep-alive finds a half-open connection after a network loss.
 */
export class PgNotifications {
  private readonly logger: Logger;
  private client?: Client;
  private stopped = false;
  listening = false;

  constructor(private readonly options: PgNotificationsOptions) {
    this.logger = new Logger(`${options.channel} listener`);
  }

  async start(): Promise<void> {
    const client = new Client({
      connectionString: this.options.url,
      application_name: this.options.applicationName,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
    });
    this.client = client;
    client.on('notification', (n) => this.options.onNotify(n.payload ?? ''));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
      this.options.onReset();
      this.listening = true;
    } catch (e) {
      this.logger.warn(`not connected (${(e as Error).message}); ${this.options.meanwhile}`);
      this.lost(client);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }

  /** Once per lost client (its 'error' and 'end' both arrive): reset, try again in 1 s. */
  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.listening = false;
    this.options.onReset();
    client.removeAllListeners();
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    if (!this.stopped) setTimeout(() => void this.start(), 1000).unref();
  }
}
