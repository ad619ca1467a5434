import { AllExceptionsFilter } from './exception.filter';
import { inputProblems, MAX_INPUT_DEPTH } from './input-guard';

describe('database refusals become 4xx/503 with the field named, never a 500', () => {
  const pg = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error('db'), { code, ...extra });
  it.each([
    [pg('22021'), 400, 'VALIDATION_FAILED'],
    [pg('22P05'), 400, 'VALIDATION_FAILED'],
    [pg('22P02'), 400, 'VALIDATION_FAILED'],
    [pg('22001', { column: 'note' }), 400, 'VALIDATION_FAILED'],
    [pg('22012'), 400, 'VALIDATION_FAILED'],
    [pg('23502', { column: 'date_of_birth' }), 400, 'VALIDATION_FAILED'],
    [pg('23514', { constraint: 'resident_name_check', table: 'resident' }), 400, 'VALIDATION_FAILED'],
    [pg('23505', { constraint: 'app_user_username_key', table: 'app_user' }), 409, 'DUPLICATE'],
    [pg('23P01', { constraint: 'bed_stay_excl' }), 409, 'OVERLAP'],
    [pg('23503', { constraint: 'admission_bed_fk' }), 422, 'REFERENCE_MISSING'],
    [pg('23000', { constraint: 'claim_lifecycle' }), 409, 'CONFLICT'],
    [pg('40001'), 503, 'RETRY'],
    [pg('40P01'), 503, 'RETRY'],
    [pg('57P01'), 503, 'DATABASE_UNAVAILABLE'],
    [pg('08006'), 503, 'DATABASE_UNAVAILABLE'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), 503, 'DATABASE_UNAVAILABLE'],
    [new Error('Connection terminated unexpectedly'), 503, 'DATABASE_UNAVAILABLE'],
    [Object.assign(new Error('released'), { name: 'QueryRunnerProviderAlreadyReleasedError' }), 503, 'DATABASE_UNAVAILABLE'],
    [{ driverError: { code: '22021' }, message: 'typeorm wrapper' }, 400, 'VALIDATION_FAILED'],
    [pg('42P01'), 500, 'INTERNAL_ERROR'],
    [new TypeError('a bug'), 500, 'INTERNAL_ERROR'],
  ])('case %# → its status and code', (error, status, code) => {
    expect(AllExceptionsFilter.toBody(error)).toMatchObject({ statusCode: status, code });
  });

  it('names the field, never the value', () => {
    expect(AllExceptionsFilter.toBody(pg('23514', { constraint: 'resident_name_check', table: 'resident' })).message).toEqual([
      'name: a value is empty or out of range (resident_name_check) (数据不符合要求)',
    ]);
    expect(AllExceptionsFilter.toBody(pg('23502', { column: 'date_of_birth' })).message[0]).toMatch(
      /^dateOfBirth: a required value is missing/,
    );
    expect(AllExceptionsFilter.toBody(pg('40001')).retryAfterSeconds).toBe(1);
  });
});

describe('inputProblems (the request guard)', () => {
  const deep = (n: number) => {
    let v: unknown = 'x';
    for (let i = 0; i < n; i++) v = { a: v };
    return v;
  };
  it(`accepts ${MAX_INPUT_DEPTH} levels and refuses one more, iteratively (100,000 levels do not overflow the stack)`, () => {
    expect(inputProblems(deep(MAX_INPUT_DEPTH), 'body')).toEqual([]);
    expect(inputProblems(deep(MAX_INPUT_DEPTH + 1), 'body')).toEqual(['a is nested more than 32 levels deep (嵌套层级过深)']);
    expect(inputProblems(deep(100_000), 'body')).toHaveLength(1);
  });
  it('names the path of a control character, allows tab and newline in bodies but not in queries', () => {
    expect(inputProblems({ contacts: [{ name: 'ok' }, { name: 'a\u0000' }] }, 'body')).toEqual([
      'contacts.1.name must not contain control characters such as NUL (不能包含控制字符)',
    ]);
    expect(inputProblems({ note: 'a\tb\nc\r\n' }, 'body')).toEqual([]);
    expect(inputProblems({ q: 'a\tb' }, 'query')).toEqual(['q must not contain control characters such as NUL (不能包含控制字符)']);
    expect(inputProblems({ q: '张三 😀' }, 'query')).toEqual([]);
  });
  it('caps the list at 20 problems', () => {
    expect(
      inputProblems(
        Array.from({ length: 100 }, () => '\u0000'),
        'body',
      ),
    ).toHaveLength(20);
  });
});
