/** 家庭成员 — members with masked ID numbers and phones; 查看 reveals one member's values (audited by the server). */
import { useState } from 'react';
import { Button, Space, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { households } from '@shared/contracts/households';
import { call } from '../../api';
import { useErrorToast } from '../../hooks';
import { useI18n } from '../../i18n';
import type { MemberView as Member } from '@shared/contracts/households';
import { codeLabel } from './codes';
import { DataTable } from '../common/DataTable';
import { paren } from '../../format';

interface Props {
  householdId: number;
  members: Member[];
  canReveal: boolean;
}

type Revealed = Record<number, { idNumber: string | null; phone: string | null }>;

export function MembersTab({ householdId, members, canReveal }: Props) {
  const { t, L } = useI18n();
  const toast = useErrorToast();
  const [revealed, setRevealed] = useState<Revealed>({});
  const [busy, setBusy] = useState<number | null>(null);

  const reveal = async (m: Member) => {
    setBusy(m.id);
    try {
      const r = await call(households.reveal, { params: { id: householdId }, body: { memberId: m.id } });
      setRevealed((x) => ({ ...x, [m.id]: r }));
    } catch (e) {
      toast(e);
    } finally {
      setBusy(null);
    }
  };

  const flags = (m: Member) =>
    (['medicalInsurance', 'pensionInsurance', 'dibao', 'partyMember'] as const)
      .filter((k) => m[k])
      .map((k) => <Tag key={k}>{t(`m.${k}`)}</Tag>);

  const columns: TableColumnsType<Member> = [
    { title: t('m.name'), dataIndex: 'name', fixed: 'left', width: 90 },
    { title: t('m.relation'), dataIndex: 'relation', render: (v: string | null) => codeLabel('relation', v, L) },
    { title: t('m.gender'), dataIndex: 'gender', render: (v: string | null) => codeLabel('gender', v, L) },
    { title: t('m.birthDate'), dataIndex: 'birthDate', render: (v: string | null) => v ?? '—' },
    {
      title: t('m.idNumber'),
      dataIndex: 'idNumber',
      render: (v: string | null, m) => (
        <Space size={4}>
          <span data-testid="member-id" style={{ fontFamily: 'monospace' }}>
            {revealed[m.id]?.idNumber ?? v ?? '—'}
          </span>
          {m.duplicateId && <Tag color="red">{t('hh.flagDuplicate')}</Tag>}
        </Space>
      ),
    },
    { title: t('m.ethnicity'), dataIndex: 'ethnicity', render: (v: string | null) => codeLabel('ethnicity', v, L) },
    { title: t('m.education'), dataIndex: 'education', render: (v: string | null) => codeLabel('education', v, L) },
    {
      title: t('m.studentStatus'),
      dataIndex: 'studentStatus',
      render: (v: string | null) => codeLabel('student_status', v, L),
    },
    { title: t('m.health'), dataIndex: 'health', render: (v: string | null) => codeLabel('health', v, L) },
    { title: t('m.labour'), dataIndex: 'labour', render: (v: string | null) => codeLabel('labour', v, L) },
    {
      title: t('m.workStatus'),
      dataIndex: 'workStatus',
      render: (v: string | null, m) => {
        const place = [m.migrantPlace, m.migrantMonths ? t('m.months', { n: m.migrantMonths }) : null]
          .filter(Boolean)
          .join(' · ');
        return place ? `${codeLabel('work_status', v, L)}${paren(place)}` : codeLabel('work_status', v, L);
      },
    },
    { title: t('m.phone'), dataIndex: 'phone', render: (v: string | null, m) => revealed[m.id]?.phone ?? v ?? '—' },
    { title: t('m.flags'), key: 'flags', render: (_, m) => <Space size={2}>{flags(m)}</Space> },
  ];
  if (canReveal)
    columns.push({
      title: t('common.actions'),
      key: 'reveal',
      fixed: 'right',
      width: 80,
      render: (_, m) =>
        revealed[m.id] || (!m.idNumber && !m.phone) ? null : (
          <Tooltip title={t('m.revealHint')}>
            <Button
              size="small"
              type="link"
              icon={<EyeOutlined />}
              loading={busy === m.id}
              onClick={() => reveal(m)}
              data-testid="member-reveal"
            >
              {t('m.reveal')}
            </Button>
          </Tooltip>
        ),
    });

  return (
    <DataTable<Member>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={members}
      pagination={false}
      data-testid="members-table"
    />
  );
}
