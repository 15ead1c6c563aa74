/**
 * Uploads a file to a multipart contract (the imports) with the upload's progress, which fetch cannot report:
 * the path, query and answer are typed from the contract as `call` types them; a refusal is an ApiError.
 */
import type { ApiErrorBody } from '@shared/codes';
import { fillPath, type CallInput, type ContractSpec, type ResponseOf } from '@shared/contracts/contract';
import { ApiError, buildUrl, readCookie, type Query } from './api';
import { acceptLanguage, t } from './i18n';

export interface UploadEvents {
  /** Percent of the file sent. */
  progress?: (percent: number) => void;
  /** The whole file is sent; the server is working on it. */
  sent?: () => void;
}

/** Sends `file` as the multipart field `file` to `contract`; resolves to the contract's answer. */
export function upload<C extends ContractSpec & { multipart: true }>(
  contract: C,
  input: CallInput<C>,
  file: File,
  on: UploadEvents = {},
): Promise<ResponseOf<C>> {
  const { params, query } = input as { params?: Record<string, unknown>; query?: Query };
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(contract.method, buildUrl(fillPath(contract.path, params).replace(/^\/api/, ''), query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', acceptLanguage());
    const csrf = readCookie('xh_csrf');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => e.lengthComputable && on.progress?.(Math.round((e.loaded / e.total) * 100));
    xhr.upload.onload = () => {
      on.progress?.(100);
      on.sent?.();
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        return reject(new ApiError(xhr.status, 'INTERNAL', t('error.http', { status: xhr.status })));
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as ResponseOf<C>);
      const err = (body as Partial<ApiErrorBody> | null)?.error;
      reject(
        err?.message
          ? new ApiError(xhr.status, err.code ?? 'INTERNAL', err.message, err.details ?? [])
          : new ApiError(xhr.status, 'INTERNAL', t('error.http', { status: xhr.status })),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', t('error.network')));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
