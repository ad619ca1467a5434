import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Up when every migration in this build has been applied to the database. */
@Injectable()
export class MigrationsHealthIndicator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
      const applied: { name: string }[] = await Promise.race([this.dataSource.query(`SELECT name FROM migrations`), timeout]);
      const names = new Set(applied.map((m) => m.name));
      const pending = this.dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((n) => !names.has(n));
      return pending.length === 0
        ? indicator.up({ applied: names.size })
        : indicator.down({ pending });
    } catch (e) {
      return indicator.down({ message: e instanceof Error ? e.message : String(e) });
    } finally {
      clearTimeout(timer);
    }
  }
}
