import type { ErrorCode } from '../shared/codes.ts';
import { msg, type Msg } from './i18n.ts';

/** The single code → HTTP status map. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export interface ErrorDetail {
  path: string;
  message: Msg | string;
}

/** The one error type the services throw; the server turns it into `{error:{code,message,details}}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly msg: Msg;
  readonly details?: ErrorDetail[];

  constructor(code: ErrorCode, message: Msg, details?: ErrorDetail[]) {
    super(message.en);
    this.code = code;
    this.msg = message;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: Msg) => new AppError('NOT_FOUND', what);
export const forbidden = (why?: Msg) =>
  new AppError(
    'FORBIDDEN',
    why ?? msg('无权访问：超出您的权限或管辖范围', 'Forbidden: outside your permissions or region scope'),
  );
export const conflict = (why: Msg) => new AppError('CONFLICT', why);
export const invalid = (path: string, message: Msg) =>
  new AppError('VALIDATION', msg('输入有误', 'Invalid input'), [{ path, message }]);
