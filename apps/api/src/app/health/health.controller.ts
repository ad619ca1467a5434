import { Controller, Get, ServiceUnavailableException, SetMetadata } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { OWN_TRANSACTIONS } from '@careops/db';
import { Public } from '@careops/platform';
import { Draining } from './draining';
import { MigrationsHealthIndicator } from './migrations.health';

/** Both checks run at once, each bounded: readiness answers within ~2 s even with the database unreachable. */
const CHECK_TIMEOUT_MS = 1500;

/**
 * No request transaction here: opening one needs the very database being checked (a 500, not a 503,
 * when it is down).
 */
@ApiTags('health')
@Controller('health')
@SetMetadata(OWN_TRANSACTIONS, true)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly migrations: MigrationsHealthIndicator,
    private readonly draining: Draining,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Database reachable and migrations current (200), else 503' })
  check() {
    return this.ready();
  }

  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: database reachable and migrations current (200), else 503 naming what is down; 503 while draining' })
  ready() {
    // The exception filter words a 503 without a failing check as "shutting down".
    if (this.draining.active) throw new ServiceUnavailableException({ status: 'shutting_down', info: {}, error: {}, details: {} });
    return this.health.check([
      async () => {
        const [database, migrations] = await Promise.all([
          this.db.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
          this.migrations.isCurrent('migrations', CHECK_TIMEOUT_MS),
        ]);
        // Without the database the migrations cannot be read: only the database is named as down.
        return database['database']?.status === 'up' ? { ...database, ...migrations } : database;
      },
    ]);
  }

  @Get('live')
  @Public()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness: the process answers (200); no dependency is checked' })
  @ApiOkResponse({
    description: 'The process answers',
    schema: { type: 'object', properties: { status: { type: 'string', example: 'ok' } } },
  })
  live() {
    return { status: 'ok' };
  }
}
