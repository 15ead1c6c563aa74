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
  VERSION_CONFLICT: 409,
  PRECONDITION_REQUIRED: 428,
  PAYLOAD_TOO_LARGE: 413,
  ACCOUNT_LOCKED: 423,
  PASSWORD_CHANGE_REQUIRED: 403,
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
  /** With VERSION_CONFLICT: the record as it is now, sent to the client beside the error. */
  readonly current?: unknown;

  constructor(code: ErrorCode, message: Msg, details?: ErrorDetail[], current?: unknown) {
    super(message.en);
    this.code = code;
    this.msg = message;
    this.details = details;
    this.current = current;
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

/** 409: the record moved on since the caller read it; `current` is the record as it is now. */
export const versionConflict = (current: unknown) =>
  new AppError(
    'VERSION_CONFLICT',
    msg(
      '保存失败：该记录已被他人修改。请查看对方的修改后，选择重新加载或覆盖。',
      'Not saved: someone else changed this record. Look at their change, then reload or overwrite.',
    ),
    undefined,
    current,
  );

/** 428: a write to an editable record must say which version it read. */
export const versionRequired = () =>
  new AppError(
    'PRECONDITION_REQUIRED',
    msg(
      '缺少版本号：请先读取记录，再在请求中携带 version 字段或 If-Match 头',
      'Missing version: read the record first, then send its version (body field version or If-Match)',
    ),
    [{ path: 'version', message: msg('必填', 'Required') }],
  );
