/**
 * /forces/cadres/:id — a cadre: profile (edit, reveal), stations history with end / recall, recalls, and the daily
 * management cards (days in village against the minimum, work logs, leaves, assessments).
 */
import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Row, Space, Typography } from 'antd';
import { EditOutlined, EnvironmentOutlined, EyeOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { GENDER_LABELS } from '@shared/codes';
import type { Gender } from '@shared/codes';
import { cadres, type RecallView, type StationView } from '@shared/contracts/cadres';
import { call } from '../../api';
import { FullPageSpin, useAuth } from '../../auth';
import { useErrorToast } from '../../hooks';
import { useI18n } from '../../i18n';
import { ApiResult, NotFound } from '../../components/ApiResult';
import { RoleTag, UnitLevelTag, forceText } from '../../components/forces/CadreCommon';
import {
  CadreAssessmentsCard,
  CadreDaysCard,
  CadreLeavesCard,
  CadreLogsCard,
} from '../../components/forces/CadreDutyCards';
import { useCall } from '../../components/common/useList';
import { CadreFormModal } from '../../components/forces/CadreFormModal';
import { recallColumns } from '../../components/forces/RecallTab';
import { StationFormModal } from '../../components/forces/StationModals';
import { stationColumns, useStationActions } from '../../components/forces/StationTab';
import { DataTable } from '../../components/common/DataTable';
import { paren } from '../../format';

export default function CadreDetailPage() {
  const i18n = useI18n();
  const { t, L } = i18n;
  const { can } = useAuth();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const { id } = useParams();
  const valid = !!id && /^\d+$/.test(id);
  const [editing, setEditing] = useState(false);
  const [stationing, setStationing] = useState(false);
  const [revealed, setRevealed] = useState<{ idNumber: string | null; phone: string | null } | null>(null);
  const [revealing, setRevealing] = useState(false);
  const detail = useCall(cadres.detail, valid ? { params: { id: Number(id) } } : null);
  const actions = useStationActions(detail.reload);

  if (!valid) return <NotFound />;
  if (detail.error) return <ApiResult error={detail.error} onRetry={detail.reload} />;
  const c = detail.data;
  if (!c) return <FullPageSpin />;

  const reveal = async () => {
    setRevealing(true);
    try {
      setRevealed(await call(cadres.reveal, { params: { id: c.id } }));
    } catch (e) {
      toast(e);
    } finally {
      setRevealing(false);
    }
  };

  const stations = [...c.stations].sort(
    (a, b) => Number(b.active) - Number(a.active) || b.startDate.localeCompare(a.startDate),
  );
  const current = stations.filter((s) => s.active);
  const columns = stationColumns(i18n, false);
  if (actions.column) columns.push(actions.column);
  const canReveal = c.canReveal && (!!c.idNumber || !!c.phone);
  const canEdit = c.canEdit;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="cadre-detail">
      <Card
        title={
          <Space wrap>
            <Typography.Text strong data-testid="cadre-name">
              {c.name}
            </Typography.Text>
            {current.map((s) => (
              <span key={s.id}>
                <RoleTag role={s.role} />
                <Typography.Text type="secondary">{s.regionName}</Typography.Text>
              </span>
            ))}
          </Space>
        }
        extra={
          <Space>
            {can('force.station') && (
              <Button icon={<EnvironmentOutlined />} onClick={() => setStationing(true)} data-testid="cadre-station">
                {t('fa.stationThis')}
              </Button>
            )}
            {canEdit && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="cadre-edit">
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="cadre-profile">
          <Descriptions.Item label={t('fa.gender')}>
            {c.gender ? L(GENDER_LABELS[c.gender as Gender]) || c.gender : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('fa.birthDate')}>
            {c.birthDate ? `${c.birthDate}${paren(t('fa.ageYears', { n: c.age ?? '—' }))}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('fa.idNumber')}>
            <Space size={4}>
              {revealed?.idNumber ?? c.idNumber ?? '—'}
              {canReveal && !revealed && (
                <Button size="small" type="link" icon={<EyeOutlined />} loading={revealing} onClick={reveal}>
                  {t('m.reveal')}
                </Button>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('fa.education')}>
            {forceText('cadre_education', c.education, L)}
          </Descriptions.Item>
          <Descriptions.Item label={t('fa.politicalStatus')}>
            {forceText('political_status', c.politicalStatus, L)}
          </Descriptions.Item>
          <Descriptions.Item label={t('fa.phone')}>{revealed?.phone ?? c.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fa.unit')}>
            {c.unit ? (
              <Space size={4}>
                <Link to={`/forces/cadres?unitId=${c.unit.id}`}>{c.unit.name}</Link>
                <UnitLevelTag level={c.unit.level} />
              </Space>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('fa.post')}>{c.post ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fa.rank')}>{c.rank ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fa.managingRegion')}>{c.regionName}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title={t('fa.stationsTitle')} data-testid="cadre-stations">
        <DataTable<StationView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={stations}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fa.noStations')} /> }}
        />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('fa.recallsTitle')} data-testid="cadre-recalls">
              <DataTable<RecallView>
                rowKey="id"
                size="small"
                columns={recallColumns(i18n, false)}
                dataSource={c.recalls}
                pagination={false}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fa.noRecalls')} /> }}
              />
            </Card>
            <CadreAssessmentsCard personId={c.id} />
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <CadreDaysCard personId={c.id} />
            <CadreLeavesCard personId={c.id} />
            <CadreLogsCard personId={c.id} />
          </Space>
        </Col>
      </Row>

      {actions.modals}
      {canEdit && (
        <CadreFormModal
          open={editing}
          cadre={c}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void message.success(t('common.saved'));
            detail.reload();
          }}
        />
      )}
      {can('force.station') && (
        <StationFormModal
          open={stationing}
          person={{ id: c.id, name: c.name }}
          unit={c.unit}
          onClose={() => setStationing(false)}
          onSaved={() => {
            setStationing(false);
            void message.success(t('common.saved'));
            detail.reload();
          }}
        />
      )}
    </Space>
  );
}
