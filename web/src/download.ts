/**
 * Download a file from the API with the session cookie: fetch it, then save the blob. Errors (404, 403, 400)
 * come back as ApiError instead of a JSON page in a new tab.
 */
import type { ApiErrorBody } from '@shared/codes';
import { fillPath, type CallInput, type ContractSpec } from '@shared/contracts/contract';
import { ApiError, buildUrl } from './api';
import type { Query } from './api';
import { t } from './i18n';

function fileName(res: Response, fallback: string): string {
  const cd = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(cd);
  if (star?.[1]) return decodeURIComponent(star[1].replace(/"/g, ''));
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

/** @deprecated Use download(contract, input, name). */
export async function downloadFile(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', t('error.network'));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as Partial<ApiErrorBody> | null;
    const err = body?.error;
    if (err?.message) throw new ApiError(res.status, err.code ?? 'INTERNAL', err.message, err.details ?? []);
    throw new ApiError(
      res.status,
      res.status === 404 ? 'NOT_FOUND' : 'INTERNAL',
      t('error.http', { status: res.status }),
    );
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads a file endpoint (a contract with `response: 'file'`) and saves it under the server's file name. */
export function download<C extends ContractSpec & { response: 'file' }>(
  contract: C,
  input: CallInput<C>,
  fallbackName: string,
): Promise<void> {
  const { params, query } = input as { params?: Record<string, unknown>; query?: Query };
  return downloadFile(fillPath(contract.path, params).replace(/^\/api/, ''), query, fallbackName);
}
