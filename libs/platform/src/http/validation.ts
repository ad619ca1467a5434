import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) =>
      m.endsWith('should not exist') ? `${path} is not an accepted field (不允许的字段)` : parent ? `${parent}.${m}` : m,
    );
    return own.concat(flatten(e.children ?? [], path));
  });
}

/** A JSON body must be an object: an array, a string or null is refused before field checks. */
class BodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object &&
        (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new BadRequestException(['The request body must be a JSON object (请求体须为 JSON 对象)']);
    }
    return super.transform(value, metadata);
  }
}

/** The one global pipe (STYLE.md): unknown fields refused and named, types converted. */
export function createValidationPipe(): ValidationPipe {
  return new BodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new BadRequestException(flatten(errors)),
  });
}
