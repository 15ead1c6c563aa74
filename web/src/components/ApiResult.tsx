/** Full-area result for a failed load: 403 → 无权访问, 404 → 未找到, anything else → error with retry. */
import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { errorMessage, isApiError } from '../api';
import { useI18n } from '../i18n';

export function Forbidden({ message }: { message?: string }) {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={t('error.forbidden')}
      subTitle={message || t('error.forbiddenDesc')}
      data-testid="forbidden"
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function NotFound({ message }: { message?: string }) {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('error.notFound')}
      subTitle={message || t('error.notFoundDesc')}
      data-testid="not-found"
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function ApiResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (isApiError(error) && error.status === 403) return <Forbidden message={error.message} />;
  if (isApiError(error) && error.status === 404) return <NotFound message={error.message} />;
  return (
    <Result
      status="error"
      title={t('error.loadFailed')}
      subTitle={errorMessage(error)}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
