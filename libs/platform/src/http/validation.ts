import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) =>
      m.endsWith('should not exist') ? `${path} is not an accepted field (不允许的字段)` : parent ? `${parent}.${m}` : m,
    );
    return own.concat(flatten(e.children ?? [], path));
  });
}

/** The one global pipe (STYLE.md): unknown fields refused and named, types converted. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new BadRequestException(flatten(errors)),
  });
}
