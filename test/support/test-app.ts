import { Writable } from 'node:stream';
import { Body, Controller, Get, Post, type Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { IsInt, IsString, MaxLength, Min } from 'class-validator';
import request from 'supertest';
// End-to-end tests start the real app module in-process; only test/ may import an app.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AppModule, configureApp } from '@careops/api-app';
import { AuditService, AuditModule } from '@careops/audit';
import { loadConfig, Public } from '@careops/platform';
import { TEST_ID_KEYS, TEST_JWT_SECRET } from './secrets';

export { TEST_JWT_SECRET };

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  /** Every JSON log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  /** Every request the app answered: method, path, status and request id. */
  exchanges: Array<{ method: string; path: string; status: number; requestId: string; body: string }>;
  close(): Promise<void>;
}

/** `url`'s login and database on the pooler's host and port. */
function viaPooler(url: string, pooler: string): string {
  const u = new URL(url);
  const p = new URL(pooler);
  u.hostname = p.hostname;
  u.port = p.port;
  return u.toString();
}

/** The real AppModule with main.ts's global set-up, in-process, logs captured. */

export async function startTestApp(databaseUrl: string, extraControllers: Type[] = [], env: Record<string, string> = {}): Promise<TestApp> {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  // The ops tier (test/ops) puts PgBouncer in transaction pooling in front: requests through it, sessions direct.
  const pooler = process.env['CAREOPS_TEST_POOLER_URL'];
  const database = pooler
    ? { DATABASE_URL: viaPooler(databaseUrl, pooler), DATABASE_DIRECT_URL: databaseUrl }
    : { DATABASE_URL: databaseUrl };
  const config = loadConfig({
    ...database,
    LOG_LEVEL: 'info',
    JWT_SECRET: TEST_JWT_SECRET,
    ...TEST_ID_KEYS,
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config, sink), AuditModule],
    controllers: extraControllers,
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApp(app);
  const exchanges: TestApp['exchanges'] = [];
  type Res = { statusCode: number; on: (e: string, f: () => void) => void; send: (body: unknown) => unknown };
  app.use((req: { method: string; originalUrl: string; id?: string }, res: Res, next: () => void) => {
    let body = '';
    const send = res.send.bind(res);
    res.send = (b: unknown) => {
      body += typeof b === 'string' ? b : Buffer.isBuffer(b) ? b.toString('utf8') : JSON.stringify(b ?? '');
      return send(b);
    };
    res.on('finish', () =>
      exchanges.push({ method: req.method, path: req.originalUrl, status: res.statusCode, requestId: req.id ?? '', body }),
    );
    next();
  });
  await app.init();
  return { app, http: request(app.getHttpServer()), logs, exchanges, close: () => app.close() };
}

export class ProbeDto {
  @IsString()
  @MaxLength(50)
  name!: string;

  @IsInt()
  @Min(0)
  count!: number;
}

/** A test-only controller that exercises the global pipe and filter as real routes will. */
@Public()
@Controller('probe')
export class ProbeController {
  constructor(private readonly audit: AuditService) {}

  /** A POST like any other: it leaves its audit row (the interceptor rolls back one that does not). */
  @Post('echo')
  async echo(@Body() body: ProbeDto): Promise<ProbeDto> {
    await this.audit.record({ action: 'probe.echo', entityType: 'probe', facilityId: null, after: { ...body } });
    return body;
  }

  @Get('boom')
  boom(): never {
    throw new Error('probe exploded: secret internals');
  }
}
