import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';

/** Whether this process has begun to drain (SIGTERM): readiness answers 503 from then on. */
@Injectable()
export class Draining implements BeforeApplicationShutdown {
  private draining = false;

  get active(): boolean {
    return this.draining;
  }

  /** main.ts calls it on the signal itself, before Nest's shutdown hooks run. */
  begin(): void {
    this.draining = true;
  }

  beforeApplicationShutdown(): void {
    this.begin();
  }
}
