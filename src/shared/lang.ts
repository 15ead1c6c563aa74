/**
 * The language of messages built in shared code (zod error messages of the contracts). The server points it at
 * the request's language (AsyncLocalStorage), the web app at the user's choice; Chinese until told otherwise.
 */
export type Lang = 'zh' | 'en';

let source: () => Lang = () => 'zh';

/** Tells shared code where the current language comes from (called once by the server and by the web app). */
export function setLangSource(fn: () => Lang): void {
  source = fn;
}

export const sharedLang = (): Lang => source();

/** A zod error option whose message follows the current language: `z.string().regex(re, localized('…', '…'))`. */
export function localized(zh: string, en: string) {
  return { error: () => (source() === 'en' ? en : zh) };
}
