import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The migrations table, read straight on the pool (no request transaction: see HealthController). */
@Injectable()
export class MigrationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async appliedNames(): Promise<Set<string>> {
    const applied: { name: string }[] = await this.dataSource.query(`SELECT name FROM migrations`);
    return new Set(applied.map((m) => m.name));
  }

  /** The migrations of this build, by name. */
  buildNames(): string[] {
    return this.dataSource.migrations.map((m) => m.name ?? m.constructor.name);
  }
}
