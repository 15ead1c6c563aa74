import { AsyncLocalStorage } from 'node:async_hooks';
import { setLangSource, type Lang } from '../shared/lang.ts';

/** Languages of the UI and of error messages. Chinese first. */
export type { Lang };
export { localized } from '../shared/lang.ts';

const store = new AsyncLocalStorage<{ lang: Lang }>();

/** Runs `fn` with `lang` as the current language (the server wraps each request in this). */
export function runWithLang<T>(lang: Lang, fn: () => T): T {
  return store.run({ lang }, fn);
}

export function currentLang(): Lang {
  return store.getStore()?.lang ?? 'zh';
}

// Messages built in shared code (the contracts' zod messages) follow the request's language.
setLangSource(currentLang);

/** A message in both languages; resolved when shown. */
export interface Msg {
  zh: string;
  en: string;
}

export function msg(zh: string, en: string): Msg {
  return { zh, en };
}

export function t(m: Msg, lang: Lang = currentLang()): string {
  return m[lang];
}

/** Picks the language from the `xh_lang` cookie value or an Accept-Language header. */
export function pickLang(cookieLang: string | undefined, acceptLanguage: string | undefined): Lang {
  if (cookieLang === 'en' || cookieLang === 'zh') return cookieLang;
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
