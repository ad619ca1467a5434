import { BadRequestException } from '@nestjs/common';

/** ASVS 5.0 §1–2: deeper input is refused before class-transformer recurses into it. */
export const MAX_INPUT_DEPTH = 32;
/** Beyond this many problems the answer names the first ones only. */
const MAX_PROBLEMS = 20;
/** Keys that reach Object.prototype when a library copies an object naively. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * C0 controls but tab, the line breaks (\n, \r, and \v, \f that Word and PowerPoint paste) and DEL
 * and the C1 controls. PostgreSQL refuses NUL in text (22021) and jsonb (22P05); the others are never
 * typed by a person.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/;
/** In a query string not even tab or newline belong. */
// eslint-disable-next-line no-control-regex -- as above
const QUERY_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** A lone UTF-16 surrogate cannot be stored: UTF-8 would silently turn it into U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What is wrong with a parsed request part, walked iteratively (a recursive walk is what overflowed
 * the stack): nesting too deep, prototype keys, control characters or broken Unicode in any string
 * or key. Problems name the field by its path (`contacts.0.name`).
 */
export function inputProblems(value: unknown, where: 'body' | 'query'): string[] {
  const control = where === 'query' ? QUERY_CONTROL : CONTROL;
  const problems: string[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  const whole = where === 'body' ? 'the request body' : 'the query';
  const field = (path: string) => path || whole;
  // A deep value is named by its top-level field (the full path would be 32 indexes long).
  const top = (path: string) => (Array.isArray(value) ? whole : path.split('.')[0] || whole);
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value: v, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof v === 'string') {
      if (control.test(v)) problems.push(`${field(path)} must not contain control characters such as NUL (不能包含控制字符)`);
      else if (LONE_SURROGATE.test(v)) problems.push(`${field(path)} contains an invalid Unicode character (包含无效的字符)`);
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push(`${top(path)} is nested more than ${MAX_INPUT_DEPTH} levels deep (嵌套层级过深)`);
      continue;
    }
    for (const key of Object.keys(v)) {
      const child = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) {
        problems.push(`${child} is not an accepted field (不允许的字段)`);
        continue;
      }
      if (control.test(key) || LONE_SURROGATE.test(key)) {
        problems.push(`${path ? `${path}.` : ''}a field name contains control or invalid characters (字段名包含无效字符)`);
        continue;
      }
      stack.push({ value: (v as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
  }
  return problems;
}

/**
 * Express middleware after the body parsers: one check of every request's body and query, on every
 * route (unknown ones too), before any pipe, guard or query sees them.
 */
export function refuseUnsafeInput(req: { body?: unknown; query?: unknown }, _res: unknown, next: (err?: unknown) => void): void {
  const problems = [...inputProblems(req.body, 'body'), ...inputProblems(req.query, 'query')];
  next(problems.length > 0 ? new BadRequestException(problems) : undefined);
}
