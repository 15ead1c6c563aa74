/**
 * Right-hand side of the region browser: header, counts, the region at a glance (the workbench's figures for this
 * region, with a link to its households), children and command units.
 */
import { useState } from 'react';
import { Breadcrumb, Button, Card, Col, Flex, Row, Space, Statistic, Table, Typography } from 'antd';
import { ApartmentOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { REGION_LEVELS } from '@shared/codes';
import type { RegionLevel } from '@shared/codes';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n';
import { RegionChildrenTable } from './RegionChildrenTable';
import { RegionFlagsModal } from './RegionFlagsModal';
import { FlagTags, LevelTag } from './RegionTags';
import { unitColumns } from './unitColumns';
import { VillageForcesCard } from './forces/VillageForcesCard';
import { GlanceCard } from './workbench/GlanceCard';
import type { RegionDetail } from '@shared/contracts/regions';

const COUNT_CARDS: { key: 'townships' | 'villages' | 'groups'; level: RegionLevel; label: MessageKey }[] = [
  { key: 'townships', level: 'township', label: 'region.townships' },
  { key: 'villages', level: 'village', label: 'region.villages' },
  { key: 'groups', level: 'group', label: 'region.groups' },
];

export function RegionDetailView({ region, onChange }: { region: RegionDetail; onChange: (r: RegionDetail) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const depth = REGION_LEVELS.indexOf(region.level);
  // Ancestors above the user's scope would answer 403: show them as plain text.
  const scopes = new Set(me?.roles.map((r) => r.scopeCode));
  const firstInScope = region.ancestors.findIndex((a) => scopes.has(a.code));
  const linkable = (i: number) => firstInScope >= 0 && i >= firstInScope;
  const cards = COUNT_CARDS.filter((c) => REGION_LEVELS.indexOf(c.level) > depth);

  return (
    <Flex vertical gap={16}>
      <Card>
        <Breadcrumb
          items={[
            ...region.ancestors.map((a, i) => ({
              key: a.code,
              title: linkable(i) ? <Link to={`/regions/${a.code}`}>{a.name}</Link> : a.name,
            })),
            { key: region.code, title: region.name },
          ]}
        />
        <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginTop: 12 }}>
          <Space orientation="vertical" size={4}>
            <Space wrap>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="region-name">
                {region.name}
              </Typography.Title>
              <LevelTag level={region.level} />
              <FlagTags flags={region.flags} />
            </Space>
            <Typography.Text type="secondary">
              {t('region.code')}: <Typography.Text copyable>{region.code}</Typography.Text>
              {region.officialName && region.officialName !== region.name && (
                <>
                  {' '}
                  · {t('region.officialName')}: {region.officialName}
                </>
              )}
            </Typography.Text>
          </Space>
          <Space wrap>
            {can('command.read') && (
              <Button icon={<ApartmentOutlined />} onClick={() => navigate(`/command?region=${region.code}`)}>
                {t('region.openCommand')}
              </Button>
            )}
            {can('region.flag') && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('region.editFlags')}
              </Button>
            )}
          </Space>
        </Flex>
      </Card>

      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} md={6}>
            <Card>
              <Statistic title={t(c.label)} value={region.counts[c.key]} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('region.directChildren')} value={region.counts.children} />
          </Card>
        </Col>
      </Row>

      {can('household.read') && region.level !== 'group' && <GlanceCard key={region.code} region={region.code} />}

      <VillageForcesCard region={region} />

      {region.level !== 'group' && (
        <Card title={t('region.children')} size="small">
          <RegionChildrenTable code={region.code} />
        </Card>
      )}

      <Card title={t('region.commandUnits')} size="small">
        <Table
          rowKey="id"
          size="small"
          columns={unitColumns(i18n)}
          dataSource={region.commandUnits}
          pagination={false}
          data-testid="region-units"
        />
      </Card>

      {can('region.flag') && (
        <RegionFlagsModal
          region={region}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={(r) => {
            setEditing(false);
            onChange(r);
          }}
        />
      )}
    </Flex>
  );
}
