/** The browser tab names the page: "农户详情 · 绣花" / "Household · Xiuhua" (in the UI language). */
import { useEffect } from 'react';
import { useI18n } from '../i18n';

export function usePageTitle(page: string): void {
  const { t } = useI18n();
  const app = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} · ${app}` : app;
  }, [page, app]);
}
