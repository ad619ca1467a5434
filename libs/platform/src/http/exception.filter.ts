import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { DomainError } from './domain-error';

/** The error body of API.md: `{ statusCode, error, message: [...] }`, plus the request id. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string[];
  requestId?: string;
  details?: unknown;
}

/** Errors thrown by Express's body parser before Nest sees the request (they carry `type`). */
interface BodyParserError {
  type: string;
  status: number;
  limit?: number;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return typeof e === 'object' && e !== null && typeof (e as BodyParserError).type === 'string' &&
    typeof (e as BodyParserError).status === 'number';
}

const BODY_PARSER_MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON (请求体不是有效的 JSON)',
  'entity.too.large': 'The request body is too large (请求体过大)',
  'encoding.unsupported': 'The request body encoding is not supported (不支持的编码)',
  'charset.unsupported': 'The request body charset is not supported (不支持的字符集)',
};

/**
 * Express error middleware placed after the body parsers: Nest would pass a JSON syntax error on
 * as a bare parser message; this one says what is wrong in words a user can act on.
 */
export function explainBodyParserErrors(err: unknown, _req: unknown, _res: unknown, next: (err?: unknown) => void): void {
  if (isBodyParserError(err) && err.type === 'entity.parse.failed') {
    next(new BadRequestException(`${BODY_PARSER_MESSAGES[err.type]}: ${(err as unknown as Error).message}`));
    return;
  }
  next(err);
}

/**
 * A database refusal that reached the filter: a CHECK (e.g. a blank name) or a bad value is the
 * caller's input (400), a missing reference a rule (422). The constraint is named; values never are.
 */
function databaseRefusal(e: unknown): ErrorBody | null {
  const err = e as { code?: string; constraint?: string; driverError?: { constraint?: string; column?: string } };
  const constraint = err.constraint ?? err.driverError?.constraint;
  switch (err.code) {
    case '23514':
    case '23502':
      return { statusCode: 400, error: 'Bad Request', message: [`a value is empty or out of range (${constraint ?? err.driverError?.column ?? 'check'}) (数据不符合要求)`] };
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return { statusCode: 400, error: 'Bad Request', message: ['a value has the wrong form or range (数据格式错误)'] };
    case '23P01':
      return { statusCode: 409, error: 'Conflict', message: [`this clashes with another record for the same days (${constraint ?? 'overlap'}) (时间段冲突)`] };
    case '23503':
      return { statusCode: 422, error: 'Unprocessable Entity', message: [`a referenced record does not exist (${constraint ?? 'reference'}) (关联记录不存在)`] };
    default:
      return null;
  }
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
    const body = this.toBody(exception);
    body.requestId = typeof req.id === 'string' ? req.id : undefined;

    if (body.statusCode >= 500) {
      // The stack goes to the log under the same request id; the client sees only the id.
      this.logger.error({ err: loggable(exception), requestId: body.requestId }, 'Unhandled error');
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      let message: string[];
      if (typeof response === 'string') message = [response];
      else {
        const m = (response as { message?: unknown }).message;
        message = Array.isArray(m) ? m.map(String) : [String(m ?? exception.message)];
      }
      const body: ErrorBody = { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
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
      return { statusCode: exception.status, error: STATUS_CODES[exception.status] ?? 'Error', message: [exception.message] };
    }
    const pg = databaseRefusal(exception);
    if (pg) return pg;
    if (isBodyParserError(exception) && exception.status >= 400 && exception.status < 500) {
      const message = BODY_PARSER_MESSAGES[exception.type] ?? 'The request body could not be read (请求体无法解析)';
      return { statusCode: exception.status, error: STATUS_CODES[exception.status] ?? 'Error', message: [message] };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: ['An unexpected error occurred; quote the request id when reporting it (服务器内部错误)'],
    };
  }
}
