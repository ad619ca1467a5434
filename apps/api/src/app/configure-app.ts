import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter, assignRequestId, createValidationPipe, explainBodyParserErrors, refuseUnsafeInput } from '@careops/platform';

export const GLOBAL_PREFIX = 'api';
/** docs/api.md: bodies over 1 MB are refused with 413. */
export const BODY_LIMIT = '1mb';

/** Everything global about the HTTP app, shared by main.ts and the e2e tests. */
export function configureApp(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(GLOBAL_PREFIX);
  // Before the body parsers, so that even a malformed body gets a request id.
  app.use(assignRequestId);
  app.use(compressAnswers);
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  app.use(explainBodyParserErrors);
  // nesting, prototype keys and control characters refused on every route, known or not.
  app.use(refuseUnsafeInput);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.disable('x-powered-by');

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('careops 护理运营 API')
      .setDescription('Care-home operations: beds, residents, staffing, subsidy claims, reports. See docs/api.md.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  documentIdempotencyKey(document);
  SwaggerModule.setup(`${GLOBAL_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${GLOBAL_PREFIX}/docs-json` });
  serveWebApp(app);
}

/** Answers worth compressing: JSON and plain text, never a document or file (PDF, ZIP, XLSX, CSV download), never a stream. */
const COMPRESSIBLE = /^(application\/(json|problem\+json)|text\/(plain|html))\b/i;

/**
 * JSON over 1 KB is compressed (gzip or brotli as the client asks); downloads go as they are: they
 * are compressed already (PDF, XLSX, ZIP) or streamed, and an attachment is never touched.
 */
const compressAnswers = compression({
  threshold: 1024,
  filter: (req, res) => {
    if (res.getHeader('content-disposition')) return false;
    const type = res.getHeader('content-type');
    return typeof type === 'string' && COMPRESSIBLE.test(type) && compression.filter(req, res);
  },
});

/** every POST honours `Idempotency-Key` (IdempotencyInterceptor); the document says so. */
function documentIdempotencyKey(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    if (!item.post) continue;
    item.post.parameters = [
      ...(item.post.parameters ?? []),
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string', maxLength: 255 },
        description: 'same key + same request → the first answer again; same key + another request → 422',
      },
    ];
  }
}

/** Where the built web app is: beside the API bundle (dist/apps/web), or under the working directory. */
export function webAppDir(): string | undefined {
  return [process.env['WEB_DIR'], join(__dirname, '..', 'web'), join(process.cwd(), 'dist', 'apps', 'web')].find(
    (dir): dir is string => !!dir && existsSync(join(dir, 'index.html')),
  );
}

/**
 * the web app at `/`, the API under `/api`. Hashed assets are cached for a year and sent as the
 * brotli or gzip file the build made beside them (`Content-Encoding`, `Vary: Accept-Encoding`);
 * every other page path gets index.html, never cached (the app routes in the browser).
 */
function serveWebApp(app: NestExpressApplication): void {
  const dir = webAppDir();
  if (!dir) return;
  app.use(
    '/assets/',
    expressStaticGzip(join(dir, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: { immutable: true, maxAge: '365d', index: false },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      req.path === `/${GLOBAL_PREFIX}` ||
      req.path.startsWith(`/${GLOBAL_PREFIX}/`) ||
      req.path.startsWith('/assets/')
    )
      return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(dir, req.path !== '/' && existsSync(join(dir, req.path)) && !req.path.includes('..') ? req.path : 'index.html'));
  });
}
