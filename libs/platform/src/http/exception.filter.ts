import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { ErrorCode, ErrorParams } from '@careops/care';
import { DomainError } from '../errors/domain-error';

/** The error body of docs/api.md: `{ statusCode, error, code, message: [...], requestId }`. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  /** Stable and machine-readable (docs/api.md "Additions"): the web app words it in the user's language. */
  code: string;
  message: string[];
  /** The values a code's catalogue message is filled with (a bed's code, a month). */
  params?: ErrorParams;
  requestId?: string;
  details?: unknown;
  /** Seconds; sent as the Retry-After header, not in the body. */
  retryAfterSeconds?: number;
}

/** The code of an error that names none: by its status. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'RULE_VIOLATED',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};
const codeFor = (status: number) => CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'REQUEST_REFUSED');

/** An HTTP refusal made before a handler runs (the body parsers), with a code of the catalogue. */
export class CodedHttpException extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    message: string | string[],
    readonly retryAfterSeconds?: number,
  ) {
    super({ message: Array.isArray(message) ? message : [message], code }, status);
  }
}

/** Errors thrown by Express's body parser before Nest sees the request (they carry `type`). */
interface BodyParserError {
  type?: string;
  status: number;
  code?: string;
  expose?: boolean;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as BodyParserError).status === 'number' &&
    (typeof (e as BodyParserError).type === 'string' || (e as BodyParserError).expose === true)
  );
}

const BODY_PARSER_MESSAGES: Record<string, [ErrorCode, string]> = {
  'entity.parse.failed': ['MALFORMED_BODY', 'The request body is not valid JSON (请求体不是有效的 JSON)'],
  'entity.too.large': ['PAYLOAD_TOO_LARGE', 'The request body is too large (请求体过大)'],
  'encoding.unsupported': [
    'UNSUPPORTED_ENCODING',
    'The request body encoding is not supported; send identity, gzip, deflate or br (不支持的压缩编码)',
  ],
  'charset.unsupported': ['UNSUPPORTED_CHARSET', 'The request body charset is not supported; send UTF-8 (不支持的字符集)'],
  'request.aborted': ['MALFORMED_BODY', 'The request body ended early (请求体不完整)'],
  'request.size.invalid': ['MALFORMED_BODY', 'The request body does not match its Content-Length (请求体长度不符)'],
};
const bodyParserWords = (err: BodyParserError): [ErrorCode, string] =>
  BODY_PARSER_MESSAGES[err.type ?? ''] ?? ['MALFORMED_BODY', 'The request body could not be read (请求体无法解析)'];
/** zlib's refusals of a body that claims an encoding it does not have (brotli's are `ERR__ERROR_…`). */
const COMPRESSION_ERRORS = new Set([
  'Z_DATA_ERROR',
  'Z_BUF_ERROR',
  'Z_NEED_DICT',
  'ERR_BROTLI_DECOMPRESSION_FAILED',
  'ERR_ZSTD_DECOMPRESSION_FAILED',
]);

/**
 * Express error middleware placed after the body parsers: everything the parsers refuse becomes a
 * 4xx that says what is wrong, in words a user can act on (never a 500).
 */
export function explainBodyParserErrors(err: unknown, _req: unknown, _res: unknown, next: (err?: unknown) => void): void {
  if (!isBodyParserError(err) || err.status >= 500) return next(err);
  const cause = (err as { code?: string }).code;
  if (err.type === 'entity.parse.failed') {
    return next(
      new CodedHttpException(400, 'MALFORMED_BODY', `${BODY_PARSER_MESSAGES[err.type][1]}: ${(err as unknown as Error).message}`),
    );
  }
  if (cause && (COMPRESSION_ERRORS.has(cause) || cause.startsWith('ERR__ERROR_'))) {
    return next(
      new CodedHttpException(
        400,
        'MALFORMED_BODY',
        'The request body is not valid data in its Content-Encoding (gzip, deflate or br), or it is cut short (压缩数据无效或不完整)',
      ),
    );
  }
  const [code, message] = bodyParserWords(err);
  next(new CodedHttpException(err.status, code, message));
}

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  table?: string;
  driverError?: PgError;
}

/** The field a constraint guards, from PostgreSQL's default names (`resident_name_check` → name). */
function fieldOf(err: PgError): string | undefined {
  if (err.column) return err.column;
  const c = err.constraint;
  if (!c) return undefined;
  const bare = err.table && c.startsWith(`${err.table}_`) ? c.slice(err.table.length + 1) : c;
  const m = /^(.+?)_(check|key|fkey|not_null|excl)$/.exec(bare);
  return m ? m[1] : undefined;
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());

/**
 * A database refusal that reached the filter: the caller's input (22xxx, a CHECK or NOT NULL) is a
 * 400, a clash with another record 409, a missing reference 422; a lost connection or an aborted
 * serialisation is worth retrying (503). Fields and constraints are named; values never are.
 */
function databaseRefusal(e: unknown): ErrorBody | null {
  const outer = e as PgError;
  const err: PgError = { ...outer.driverError, ...outer };
  const code = err.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return connectionLost(e);
  const field = fieldOf(err);
  const named = field ? `${camel(field)}: ` : '';
  const constraint = err.constraint ? ` (${err.constraint})` : '';
  const body = (statusCode: number, errorCode: string, message: string, retryAfterSeconds?: number): ErrorBody => ({
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    code: errorCode,
    message: [message],
    ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
  });
  switch (code) {
    case '22021':
    case '22P05':
      return body(400, 'VALIDATION_FAILED', `${named}text contains a character that cannot be stored, such as NUL (包含无法保存的字符)`);
    case '23502':
      return body(400, 'VALIDATION_FAILED', `${named}a required value is missing${constraint} (缺少必填数据)`);
    case '23514':
      return body(400, 'VALIDATION_FAILED', `${named}a value is empty or out of range${constraint} (数据不符合要求)`);
    case '23505':
      return body(409, 'DUPLICATE', `${named}this already exists${constraint} (记录已存在)`);
    case '23P01':
      return body(409, 'OVERLAP', `this clashes with another record for the same days${constraint} (时间段冲突)`);
    case '23503':
      return body(422, 'REFERENCE_MISSING', `a referenced record does not exist${constraint} (关联记录不存在)`);
    case '23000':
    case '23001':
      // docs/rules.md §9: the trigger guarding an issued bill and its lines names its constraint.
      if (err.constraint === 'bill_issued')
        return body(
          409,
          'BILL_ISSUED',
          'an issued bill never changes; a correction is a credit note or a supplementary bill (账单已开具，不能修改)',
        );
      if (err.constraint === 'fee_item_used')
        return body(
          409,
          'FEE_ITEM_USED',
          'this fee item version was used by a bill: post a new version instead (该收费项目版本已用于账单，不能修改)',
        );
      return body(409, 'CONFLICT', `the database refused this change${constraint} (数据库拒绝了此修改)`);
    case '40001':
    case '40P01':
      return body(503, 'RETRY', 'the database was busy with a conflicting change; retry the request (请稍后重试)', 1);
    case '57014':
      return body(503, 'SERVICE_UNAVAILABLE', 'the database took too long to answer; retry the request (数据库响应超时，请稍后重试)', 2);
    case '53300':
    case '57P01':
    case '57P02':
    case '57P03':
      return body(503, 'DATABASE_UNAVAILABLE', 'the database is not available at the moment; retry shortly (数据库暂不可用)', 2);
  }
  if (code.startsWith('22')) return body(400, 'VALIDATION_FAILED', `${named}a value has the wrong form or range (数据格式错误)`);
  if (code.startsWith('08'))
    return body(503, 'DATABASE_UNAVAILABLE', 'the database is not available at the moment; retry shortly (数据库暂不可用)', 2);
  // Node's errno codes can look like SQLSTATEs (EPIPE): a lost connection still is one.
  return connectionLost(e);
}

/** A lost or refused connection (node's errno codes, pg's own messages): 503, never a bare 500. */
function connectionLost(e: unknown): ErrorBody | null {
  const err = e as { code?: string; message?: string; driverError?: { code?: string; message?: string } };
  const code = err.code ?? err.driverError?.code;
  const message = `${err.message ?? ''} ${err.driverError?.message ?? ''}`;
  // TypeORM's "query runner already released": the transaction's connection died under it.
  const released = e instanceof Error && /^QueryRunner(Provider)?AlreadyReleasedError$/.test(e.name);
  const lost =
    released ||
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code ?? '') ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
  if (!lost) return null;
  return {
    statusCode: 503,
    error: 'Service Unavailable',
    code: 'DATABASE_UNAVAILABLE',
    retryAfterSeconds: 2,
    message: ['the database is not available at the moment; retry shortly (数据库暂不可用)'],
  };
}

/** What of an unknown error goes to the log: never a query's parameters or a row's values. */
function loggable(e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const { parameters: _parameters, driverError: _driverError, detail: _detail, ...rest } = e as Error & Record<string, unknown>;
  return Object.assign(new Error(e.message), { ...rest, name: e.name, stack: e.stack });
}

/** One filter for every error: known ones keep their status, unknown ones become a logged 500. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    const { retryAfterSeconds, ...body } = AllExceptionsFilter.toBody(exception);
    body.requestId = typeof req.id === 'string' ? req.id : undefined;

    if (body.statusCode >= 500) {
      // The stack goes to the log under the same request id; the client sees only the id.
      const log = body.code === 'INTERNAL_ERROR' ? 'error' : 'warn';
      this.logger[log](
        { err: loggable(exception), requestId: body.requestId },
        body.code === 'INTERNAL_ERROR' ? 'Unhandled error' : body.message[0],
      );
    }
    if (res.headersSent) {
      // A stream already under way cannot carry an error: end it so the client sees it cut short.
      if (!res.writableEnded) res.destroy();
      return;
    }
    if (retryAfterSeconds) res.setHeader('retry-after', String(retryAfterSeconds));
    res.status(body.statusCode).json(body);
  }

  static toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      let message: string[];
      if (typeof response === 'string') message = [response];
      else {
        const m = (response as { message?: unknown }).message;
        message = Array.isArray(m) ? m.map(String) : [String(m ?? exception.message)];
      }
      const own = typeof response === 'object' ? (response as { code?: unknown }).code : undefined;
      const body: ErrorBody = {
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        code: typeof own === 'string' ? own : codeFor(status),
        message,
        ...(exception instanceof CodedHttpException && exception.retryAfterSeconds
          ? { retryAfterSeconds: exception.retryAfterSeconds }
          : {}),
      };
      // The health check's 503 keeps terminus's per-indicator details.
      const details = typeof response === 'object' ? (response as { details?: unknown }).details : undefined;
      if (details !== undefined) {
        body.message = Object.entries(details as Record<string, { status?: string }>)
          .filter(([, v]) => v?.status !== 'up')
          .map(([k]) => `${k} is down`);
        // Terminus answers 503 with every check up while the process drains after SIGTERM.
        if (body.message.length === 0) body.message = ['the service is shutting down (服务正在停止)'];
        body.details = details;
      }
      return body;
    }
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        error: STATUS_CODES[exception.status] ?? 'Error',
        code: exception.code,
        message: [exception.message],
        ...(Object.keys(exception.params).length > 0 ? { params: exception.params } : {}),
        ...(exception.details !== undefined ? { details: exception.details } : {}),
      };
    }
    const refusal = databaseRefusal(exception);
    if (refusal) return refusal;
    if (isBodyParserError(exception) && exception.status >= 400 && exception.status < 500) {
      const [code, message] = bodyParserWords(exception);
      return { statusCode: exception.status, error: STATUS_CODES[exception.status] ?? 'Error', code, message: [message] };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      code: 'INTERNAL_ERROR',
      message: ['An unexpected error occurred; quote the request id when reporting it (服务器内部错误)'],
    };
  }
}

/** For pipes that refuse with the field named (kept here so every 400 has the same shape). */
export function validationFailed(messages: string[]): BadRequestException {
  return new BadRequestException({ message: messages, code: 'VALIDATION_FAILED' });
}
