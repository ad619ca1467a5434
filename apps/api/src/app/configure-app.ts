import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter, assignRequestId, createValidationPipe, explainBodyParserErrors } from '@careops/platform';

export const GLOBAL_PREFIX = 'api';
/** API.md / issue 3: bodies over 1 MB are refused with 413. */
export const BODY_LIMIT = '1mb';

/** Everything global about the HTTP app, shared by main.ts and the e2e tests. */
export function configureApp(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(GLOBAL_PREFIX);
  // Before the body parsers, so that even a malformed body gets a request id.
  app.use(assignRequestId);
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  app.use(explainBodyParserErrors);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.disable('x-powered-by');

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('careops 护理运营 API')
      .setDescription('Care-home operations: beds, residents, staffing, subsidy claims, reports. See API.md.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(`${GLOBAL_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${GLOBAL_PREFIX}/docs-json` });
}
