import { ArgumentMetadata, HttpException, Logger, ValidationError, ValidationPipe } from '@nestjs/common';
import { validationFailed } from './exception.filter';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) =>
      m.endsWith('should not exist') ? `${path} is not an accepted field (不允许的字段)` : parent ? `${parent}.${m}` : m,
    );
    return own.concat(flatten(e.children ?? [], path));
  });
}

/**
 * A JSON body must be an object: an array, a string or null is refused before field checks. No body
 * at all is an empty object, so a route whose fields are all optional works without one (a claim's
 * `approve` and `pay` took no body before their fields were added) and one with required fields
 * names each of them.
 */
class BodyValidationPipe extends ValidationPipe {
  private readonly logger = new Logger('Validation');

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value === undefined) value = {};
    if (
      metadata.type === 'body' &&
      metadata.metatype &&
      metadata.metatype !== Object &&
      (typeof value !== 'object' || value === null || Array.isArray(value))
    ) {
      throw validationFailed(['The request body must be a JSON object (请求体须为 JSON 对象)']);
    }
    try {
      return await super.transform(value, metadata);
    } catch (e) {
      if (e instanceof HttpException) throw e;
      // A validator that throws on odd input is a bug to fix, but the input is still refused, not a 500.
      this.logger.warn({ err: e, argument: metadata.type, field: metadata.data }, 'a validator threw');
      throw validationFailed([
        `${metadata.data ?? `the request ${metadata.type}`} could not be checked; send a plain value of the documented type (数据无法校验)`,
      ]);
    }
  }
}

/** The one global pipe (docs/architecture.md): unknown fields refused and named, types converted. */
export function createValidationPipe(): ValidationPipe {
  return new BodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}
