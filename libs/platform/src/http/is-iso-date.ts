import { registerDecorator, ValidationOptions } from 'class-validator';
import { isIsoDate, isMonth } from '@careops/care';

/** A real calendar date `YYYY-MM-DD` (docs/api.md), not merely the shape: 2025-02-30 is refused. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a date YYYY-MM-DD (日期格式应为 YYYY-MM-DD)`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isIsoDate(value) },
    });
}

/** A month `YYYY-MM` (docs/api.md), e.g. the month of a claim or a report. */
export function IsMonth(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isMonth',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be YYYY-MM`, ...options },
      validator: { validate: isMonth },
    });
}

/**
 * A finite number with at most `places` decimals. class-validator's `maxDecimalPlaces` reads the
 * decimals from `toString()` and throws on exponent notation (`1e-7`): this compares with the
 * rounded value instead.
 */
export function IsDecimalNumber(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDecimalNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a number with at most ${places} decimals (最多${places}位小数)`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value,
      },
    });
}
