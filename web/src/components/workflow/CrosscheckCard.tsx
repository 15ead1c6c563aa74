/**
 * 部门信息比对: upload another department's .xlsx/.csv for a village (manual submit; workflow.crosscheckFile) and show
 * the result.
 */
import { useState } from 'react';
import FileDropper from '../FileDropper';
import { Alert, Button, Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ApiErrorBody } from '@shared/codes';
import { fillPath, type ResponseOf } from '@shared/contracts/contract';
import { workflow, type RejectedRow } from '@shared/contracts/workflow';
import { ApiError, buildUrl, errorMessage, readCookie } from '../../api';
import { acceptLanguage, t as translateNow, useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { DataTable } from '../common/DataTable';

export const SOURCES = ['vehicle', 'commercial_housing', 'public_payroll', 'business_registration'] as const;

type CrosscheckResult = ResponseOf<typeof workflow.crosscheckFile>;

/**
 * The upload as multipart form data (call() sends JSON): the contract's path, the CSRF and language headers, and
 * the server's error as an ApiError.
 */
async function uploadCrosscheck(village: string, file: File, source: string): Promise<CrosscheckResult> {
  const form = new FormData();
  if (source) form.append('source', source);
  form.append('file', file);
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage() };
  const csrf = readCookie('xh_csrf');
  if (csrf) headers['x-csrf-token'] = csrf;
  const path = fillPath(workflow.crosscheckFile.path, { code: village }).replace(/^\/api/, '');
  let res: Response;
  try {
    res = await fetch(buildUrl(path), {
      method: workflow.crosscheckFile.method,
      headers,
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', translateNow('error.network'));
  }
  const body = (await res.json().catch(() => null)) as (CrosscheckResult & Partial<ApiErrorBody>) | null;
  if (!res.ok || !body) {
    const err = body?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'INTERNAL',
      err?.message ?? translateNow('error.http', { status: res.status }),
      err?.details ?? [],
    );
  }
  return body;
}

export function CrosscheckCard({ village, onDone }: { village: string; onDone: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CrosscheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await uploadCrosscheck(village, file, source);
      setResult(r);
      if (r.hits > 0) onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('vw.crosscheck')} data-testid="crosscheck-upload">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('vw.crosscheckHelp')}</Typography.Paragraph>
        <FileDropper
          file={file}
          onChange={(f: File | null) => {
            setFile(f);
            setResult(null);
            setError(null);
          }}
          disabled={busy}
          text={t('vw.drop')}
        />
        <Space wrap>
          <span>{t('vw.source')}</span>
          <Select
            style={{ width: 200 }}
            value={source}
            onChange={setSource}
            disabled={busy}
            data-testid="crosscheck-source"
            options={[
              { value: '', label: t('vw.sourceInFile') },
              ...SOURCES.map((s) => ({ value: s, label: t(`src.${s}` as MessageKey) })),
            ]}
          />
          <Button
            type="primary"
            icon={<UploadOutlined />}
            disabled={!file}
            loading={busy}
            onClick={submit}
            data-testid="crosscheck-submit"
          >
            {t('vw.upload')}
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} />}
        {result && (
          <div data-testid="crosscheck-result">
            <Row gutter={16}>
              <Col span={8}>
                <Statistic title={t('vw.checked')} value={result.checked} />
              </Col>
              <Col span={8}>
                <Statistic
                  title={t('vw.hitCount')}
                  value={result.hits}
                  styles={result.hits ? { content: { color: '#cf1322' } } : undefined}
                />
              </Col>
              <Col span={8}>
                <Statistic title={t('vw.rejectedCount')} value={result.rejected.length} />
              </Col>
            </Row>
            {result.rejected.length > 0 && (
              <DataTable<RejectedRow & { key: number }>
                style={{ marginTop: 16 }}
                size="small"
                rowKey="key"
                data-testid="crosscheck-rejected"
                dataSource={result.rejected.map((r, key) => ({ ...r, key }))}
                pagination={{ pageSize: 10 }}
                columns={[
                  {
                    title: t('vw.row'),
                    dataIndex: 'row',
                    width: 80,
                    render: (r: number) => (r > 0 ? r : t('vw.fileRow')),
                  },
                  { title: t('vw.column'), dataIndex: 'column', width: 140 },
                  { title: t('vw.problem'), dataIndex: 'message' },
                ]}
              />
            )}
          </div>
        )}
      </Space>
    </Card>
  );
}
