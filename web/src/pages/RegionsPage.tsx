/**
 * /regions/:code — lazy region tree on the left, the region page on the right; /regions opens the caller's first
 * scope root.
 */
import { Card, Col, Empty, Row, Spin } from 'antd';
import { Navigate, useNavigate, useParams } from 'react-router';
import { regions } from '@shared/contracts/regions';
import { call } from '../api';
import { useAsync } from '../hooks';
import { useI18n } from '../i18n';
import { ApiResult } from '../components/ApiResult';
import { RegionTree } from '../components/RegionTree';
import { RegionDetailView } from '../components/RegionDetailView';
import { useCall } from '../components/common/useList';

export default function RegionsPage() {
  const { code } = useParams();
  return code ? <RegionBrowser code={code} /> : <FirstRoot />;
}

/** The region page of the caller's first scope root. */
function FirstRoot() {
  const { t } = useI18n();
  const { data, error, reload } = useCall(regions.roots, {});
  if (error) return <ApiResult error={error} onRetry={reload} />;
  if (!data) return <Spin style={{ display: 'block', padding: 48 }} />;
  const first = data.items[0];
  if (!first)
    return (
      <Card>
        <Empty description={t('region.noRoots')} />
      </Card>
    );
  return <Navigate to={`/regions/${first.code}`} replace />;
}

function RegionBrowser({ code }: { code: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error, loading, reload, setData } = useAsync(
    (signal) => call(regions.detail, { params: { code } }, { signal }).then((region) => ({ forCode: code, region })),
    [code],
  );
  // Ignore the previous region's answer while the next one loads.
  const current = data?.forCode === code ? data.region : undefined;
  const path = current ? current.ancestors.map((a) => a.code) : [];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={7} xxl={5}>
        <Card
          title={t('region.tree')}
          size="small"
          styles={{ body: { maxHeight: 'calc(100vh - 210px)', overflow: 'auto' } }}
        >
          <RegionTree
            selected={current?.code ?? code}
            path={path}
            current={current}
            onSelect={(c) => navigate(`/regions/${c}`)}
          />
        </Card>
      </Col>
      <Col xs={24} lg={17} xxl={19}>
        {error ? (
          <Card>
            <ApiResult error={error} onRetry={reload} />
          </Card>
        ) : !current ? (
          <Card>
            <Spin style={{ display: 'block', padding: 48 }} />
          </Card>
        ) : (
          <Spin spinning={loading}>
            <RegionDetailView region={current} onChange={(region) => setData({ forCode: code, region })} />
          </Spin>
        )}
      </Col>
    </Row>
  );
}
