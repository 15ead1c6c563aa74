import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { currentLang, pickLang, runWithLang, type Lang } from '../../core/i18n.ts';

const zh = z.locales.zhCN();
const en = z.locales.en();
// Zod messages follow the language of the request being validated.
z.config({
  localeError: (issue) => {
    const lang = currentLang();
    // Plainer words than the stock locale for the two commonest form errors.
    if (issue.code === 'invalid_type' && issue.input === undefined) return lang === 'en' ? 'Required' : '必填';
    if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1)
      return lang === 'en' ? 'Must not be empty' : '不能为空';
    return (lang === 'en' ? en : zh).localeError(issue);
  },
});

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
}

const resourceKey = Symbol('i18nResource');

/** Runs each request inside its language context (cookie xh_lang, else Accept-Language; Chinese by default). */
export function registerI18n(app: FastifyInstance) {
  app.decorateRequest('lang', 'zh');
  app.addHook('onRequest', (req, _reply, done) => {
    req.lang = pickLang(req.cookies?.xh_lang, req.headers['accept-language']);
    runWithLang(req.lang, () => {
      (req as unknown as Record<symbol, AsyncResource>)[resourceKey] = new AsyncResource('xiuhua-i18n');
      done();
    });
  });
  // Body parsing may leave the async context; re-enter it before validation (as @fastify/request-context does).
  app.addHook('preValidation', (req, _reply, done) => {
    const res = (req as unknown as Record<symbol, AsyncResource | undefined>)[resourceKey];
    if (res) res.runInAsyncScope(done, req.raw);
    else done();
  });
}
