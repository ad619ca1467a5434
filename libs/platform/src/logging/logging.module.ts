import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { requestId } from '../http/request-id';
import { AppConfig } from '../config/config';

/** Structured JSON logs (pino) carrying each request's id; secrets redacted. */
export function pinoParams(config: Pick<AppConfig, 'LOG_LEVEL'>, destination?: DestinationStream): Params {
  const options: Options = {
    level: config.LOG_LEVEL,
    genReqId: requestId,
    customProps: (req) => ({ requestId: (req as { id?: unknown }).id }),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
    },
  };
  return {
    // Nest 11 path syntax; the default '*' triggers a legacy-route warning.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: destination ? [options, destination] : options,
  };
}

@Module({})
export class LoggingModule {
  /** `destination` defaults to stdout; tests pass a stream to read what was logged. */
  static forRoot(config: AppConfig, destination?: DestinationStream): DynamicModule {
    return { module: LoggingModule, imports: [LoggerModule.forRoot(pinoParams(config, destination))], exports: [LoggerModule] };
  }
}
