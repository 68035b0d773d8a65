import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { DomainError } from './domain-error.js';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  [extra: string]: unknown;
}

const CODES: Record<number, [string, string, string]> = {
  400: ['BAD_REQUEST', '请求有误', 'Bad request'],
  401: ['UNAUTHENTICATED', '请先登录', 'Authentication required'],
  403: ['FORBIDDEN', '无权执行此操作', 'Not permitted'],
  404: ['NOT_FOUND', '未找到', 'Not found'],
  405: ['METHOD_NOT_ALLOWED', '不支持的请求方法', 'Method not allowed'],
  409: ['CONFLICT', '与现有数据冲突', 'Conflict'],
  413: ['PAYLOAD_TOO_LARGE', '请求内容过大', 'Payload too large'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型', 'Unsupported media type'],
  429: ['TOO_MANY_REQUESTS', '请求过于频繁，请稍后再试', 'Too many requests, try again later'],
  503: ['SERVICE_UNAVAILABLE', '服务暂不可用', 'Service unavailable'],
};

function isUniqueViolation(error: QueryFailedError<Error>): boolean {
  const driverError = error.driverError as { code?: string } | undefined;
  return driverError?.code === '23505' || /UNIQUE constraint failed/.test(error.message);
}

function isForeignKeyViolation(error: QueryFailedError<Error>): boolean {
  const driverError = error.driverError as { code?: string } | undefined;
  return driverError?.code === '23503' || /FOREIGN KEY constraint failed/.test(error.message);
}

/**
 * A failed readiness check (terminus throws a 503 whose response is the check result): the operator and the load
 * balancer see which check is down (`details`: database, migrations, instance), with statuses and short messages only.
 */
function healthResult(exception: unknown): { status: string; details: Record<string, unknown> } | null {
  if (!(exception instanceof HttpException) || exception.getStatus() !== 503) return null;
  const result = exception.getResponse() as { status?: unknown; details?: unknown };
  if (result?.status !== 'error' || typeof result.details !== 'object' || result.details === null) return null;
  return { status: 'error', details: result.details as Record<string, unknown> };
}

/** How long a client waits before retrying while the database is away (a failover takes seconds). */
const DATABASE_RETRY_SECONDS = 5;

/** The one place an error becomes an HTTP answer: `{statusCode, code, message}`; never leaks internals. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode === 503 && body.code === 'DATABASE_UNAVAILABLE') this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (response.headersSent) return;
    // A domain 429 says how long to wait (a code's cooldown): clients honour Retry-After rather than guess.
    if (typeof body.retryAfterSeconds === 'number' && (body.statusCode === 429 || body.statusCode === 503)) response.setHeader('Retry-After', String(body.retryAfterSeconds));
    // An error is JSON even on a route that declared another type (a CSV or PDF download sets it before validating).
    response.removeHeader('Content-Disposition');
    response.status(body.statusCode).type('application/json').json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return { statusCode: exception.status, code: exception.code, message: exception.message, ...exception.details };
    }
    if (exception instanceof ThrottlerException) return this.standard(429);
    const health = healthResult(exception);
    if (health) return { statusCode: 503, code: 'NOT_READY', message: '服务未就绪 / Not ready', ...health };
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    if (exception instanceof EntityNotFoundError) return this.standard(404);
    if (exception instanceof QueryFailedError && isUniqueViolation(exception as QueryFailedError<Error>)) {
      return { ...this.standard(409), code: 'DUPLICATE', message: '记录已存在 / A record with these values already exists' };
    }
    if (exception instanceof QueryFailedError && isForeignKeyViolation(exception as QueryFailedError<Error>)) {
      return { ...this.standard(409), code: 'REFERENCE_INVALID', message: '引用的记录不存在或仍被使用 / A referenced record is missing or still in use' };
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: '数据库暂不可用，请稍后重试 / The database is unavailable, try again shortly', retryAfterSeconds: DATABASE_RETRY_SECONDS };
    }
    const parseError = exception as { type?: string; status?: number };
    if (parseError?.type === 'entity.parse.failed') {
      return { statusCode: 400, code: 'MALFORMED_JSON', message: '请求体不是有效的 JSON / Request body is not valid JSON' };
    }
    if (typeof parseError?.status === 'number' && parseError.status >= 400 && parseError.status < 500) {
      return this.standard(parseError.status);
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误 / Internal server error' };
  }

  private standard(status: number): ErrorBody {
    const [code, zh, en] = CODES[status] ?? ['ERROR', '请求失败', 'Request failed'];
    return { statusCode: status, code, message: `${zh} / ${en}` };
  }

  private fromHttpException(exception: HttpException): ErrorBody {
    const status = exception.getStatus();
    const base = this.standard(status);
    const response = exception.getResponse();
    const detail = typeof response === 'object' && response !== null ? (response as { message?: unknown }).message : response;
    if (status === 400 && exception.cause instanceof SyntaxError) {
      return { statusCode: 400, code: 'MALFORMED_JSON', message: '请求体不是有效的 JSON / Request body is not valid JSON' };
    }
    if (status === 400) {
      const problems = Array.isArray(detail) ? detail.map((d) => String(d)) : typeof detail === 'string' ? [detail] : [];
      return {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: `请求参数有误 / Invalid request: ${problems.join('; ') || 'bad request'}`,
        problems,
      };
    }
    return base;
  }
}
