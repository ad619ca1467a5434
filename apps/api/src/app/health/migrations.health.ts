import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { MigrationsRepository } from './migrations.repository';

/** Up when every migration in this build has been applied to the database. */
@Injectable()
export class MigrationsHealthIndicator {
  constructor(
    private readonly migrations: MigrationsRepository,
    private readonly health: HealthIndicatorService,
  ) {}

  /** `timeoutMs`: a database that does not answer makes this down, never a hanging check. */
  async isCurrent(key: string, timeoutMs: number) {
    const indicator = this.health.check(key);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timeout of ${timeoutMs}ms exceeded`)), timeoutMs);
    });
    try {
      const names = await Promise.race([this.migrations.appliedNames(), timeout]);
      const pending = this.migrations.buildNames().filter((n) => !names.has(n));
      return pending.length === 0 ? indicator.up({ applied: names.size }) : indicator.down({ pending });
    } catch (e) {
      return indicator.down({ message: e instanceof Error ? e.message : String(e) });
    } finally {
      clearTimeout(timer);
    }
  }
}
