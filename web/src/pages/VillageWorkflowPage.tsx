/**
 * /workflow?region=<village> — 识别退出 of one village: cross-check other departments' records (部门信息比对),
 * review the hits (比对疑点), download the notice lists (公示名单) and follow the applicants in identification.
 * For a township or county (the workbench's "hits to review" opens it so) the page reviews the region's hits.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { call } from '../api';
import { download } from '../download';
import { useAsync, useErrorToast } from '../hooks';
import { useI18n } from '../i18n';
import { ApiResult } from '../components/ApiResult';
import { RegionTreeSelect } from '../components/RegionTreeSelect';
import { StatusTag } from '../components/households/codes';
import { CrosscheckCard } from '../components/workflow/CrosscheckCard';
import { HitsCard } from '../components/workflow/HitsCard';
import { households, type HouseholdRow } from '@shared/contracts/households';
import { workflow, type NoticeQuery } from '@shared/contracts/workflow';
import { regions } from '@shared/contracts/regions';
import { useCall } from '../components/common/useList';
import { DataTable } from '../components/common/DataTable';

/** A 12-digit village code (not a township …000, not a 15-digit group). */
const isVillage = (code: string | null | undefined) => /^\d{9}(?!000)\d{3}$/.test(code ?? '');

type Workflow = NoticeQuery['workflow'];

export default function VillageWorkflowPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? '';
  const village = isVillage(region) ? region : null;
  const [hitsVersion, setHitsVersion] = useState(0);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [downloading, setDownloading] = useState<Workflow | null>(null);
  const [page, setPage] = useState(1);

  // Without ?region= start at the user's first scope root when it is a village.
  const roots = useCall(regions.roots, region ? null : {});
  useEffect(() => {
    const first = roots.data?.items[0];
    if (region || !first || first.level !== 'village') return;
    setParams({ region: first.code }, { replace: true });
  }, [region, roots.data, setParams]);

  const applicants = useAsync(
    village
      ? (signal) =>
          call(households.list, { query: { region: village, status: 'applicant', page, pageSize: 20 } }, { signal })
      : null,
    [village, page, hitsVersion],
  );

  const pick = (code: string | undefined) => {
    if (!code) return setParams({}, { replace: true });
    if (code.length > 12) {
      void message.warning(t('vw.notVillage'));
      return;
    }
    setPage(1);
    setParams({ region: code });
  };

  const notice = async (which: Workflow) => {
    if (!village) return;
    setDownloading(which);
    try {
      await download(
        workflow.notice,
        {
          params: { code: village },
          query: { workflow: which, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') },
        },
        `notice-${village}-${which}.docx`,
      );
    } catch (e) {
      toast(e);
    } finally {
      setDownloading(null);
    }
  };

  if (roots.error) return <ApiResult error={roots.error} onRetry={roots.reload} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="village-workflow-page">
      <Card>
        <Space wrap>
          <span>{t('vw.village')}</span>
          <RegionTreeSelect
            value={region || undefined}
            onChange={pick}
            placeholder={t('vw.pickVillage')}
            style={{ width: 360 }}
          />
        </Space>
        {region && !village && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('vw.regionHits')} />}
        {!region && !roots.loading && (
          <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('vw.pickVillage')} />
        )}
      </Card>
      {region && !village && <HitsCard region={region} version={hitsVersion} />}
      {village && (
        <>
          <CrosscheckCard key={village} village={village} onDone={() => setHitsVersion((n) => n + 1)} />
          <HitsCard region={village} version={hitsVersion} onChanged={applicants.reload} />
          <Card title={t('vw.notices')}>
            <Flex wrap gap={12} align="center">
              <Typography.Text type="secondary">{t('vw.noticeDates')}</Typography.Text>
              <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} data-testid="notice-range" />
              <Button
                icon={<DownloadOutlined />}
                loading={downloading === 'identification'}
                onClick={() => notice('identification')}
                data-testid="notice-identification"
              >
                {t('vw.noticeIdentification')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                loading={downloading === 'exit'}
                onClick={() => notice('exit')}
                data-testid="notice-exit"
              >
                {t('vw.noticeExit')}
              </Button>
            </Flex>
          </Card>
          <Card title={t('vw.applicants')}>
            {applicants.error ? (
              <ApiResult error={applicants.error} onRetry={applicants.reload} />
            ) : (
              <DataTable<HouseholdRow>
                rowKey="id"
                size="middle"
                data-testid="applicants-table"
                loading={applicants.loading}
                dataSource={applicants.data?.items ?? []}
                onChange={(pg) => setPage(pg.current ?? 1)}
                pagination={{
                  current: page,
                  pageSize: 20,
                  total: applicants.data?.total ?? 0,
                  showTotal: (total) => t('common.total', { total }),
                }}
                columns={[
                  { title: t('hh.code'), dataIndex: 'code' },
                  {
                    title: t('hh.head'),
                    dataIndex: 'headName',
                    render: (v: string, h) => <Link to={`/households/${h.id}`}>{v}</Link>,
                  },
                  { title: t('hh.group'), dataIndex: 'groupName', render: (v: string | null) => v ?? '—' },
                  { title: t('hh.persons'), dataIndex: 'persons' },
                  { title: t('hh.status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, h) => (
                      <Link to={`/households/${h.id}?tab=workflow`} data-testid="applicant-workflow">
                        {t('vw.openWorkflow')}
                      </Link>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </>
      )}
    </Space>
  );
}
