import { Writable } from 'node:stream';
import { Body, Controller, Get, Post, type Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { IsInt, IsString, MaxLength, Min } from 'class-validator';
import request from 'supertest';
// End-to-end tests start the real app module in-process; only test/ may import an app.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AppModule, configureApp } from '@careops/api-app';
import { loadConfig } from '@careops/platform';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  /** Every JSON log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** The real AppModule with main.ts's global set-up, in-process, logs captured. */
export async function startTestApp(databaseUrl: string, extraControllers: Type[] = []): Promise<TestApp> {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config, sink)],
    controllers: extraControllers,
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApp(app);
  await app.init();
  return { app, http: request(app.getHttpServer()), logs, close: () => app.close() };
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
@Controller('probe')
export class ProbeController {
  @Post('echo')
  echo(@Body() body: ProbeDto): ProbeDto {
    return body;
  }

  @Get('boom')
  boom(): never {
    throw new Error('probe exploded: secret internals');
  }
}
