import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Params } from 'nestjs-pino';
import { requestId } from '../http/request-id';
import { AppConfig } from '../config/config';

/** Structured JSON logs (pino) carrying each request's id; secrets redacted. */
export function pinoParams(config: Pick<AppConfig, 'LOG_LEVEL'>): Params {
  return {
    // Nest 11 path syntax; the default '*' triggers a legacy-route warning.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
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
    },
  };
}

@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: LoggingModule, imports: [LoggerModule.forRoot(pinoParams(config))], exports: [LoggerModule] };
  }
}
