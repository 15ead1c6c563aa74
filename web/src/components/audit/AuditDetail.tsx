/**
 * The inside of an audit row: for an update, the fields it changed — field (in the UI language), before, after —
 * with codes shown by their labels and masked values as the server masked them; for other rows (a creation, an
 * import), the record itself. The raw before/after stay one click away.
 */
import { Alert, Col, Collapse, Row, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { auditFieldLabel, auditValueLabel } from '@shared/audit';
import type { AuditChange, AuditRow } from '@shared/contracts/users';
import { useI18n } from '../../i18n';

type Lx = ReturnType<typeof useI18n>;

/** The label of a changed field: its place in lists (家庭成员 2（李秀英）, 2019年), then the field. */
export function changeLabel({ t, L }: Lx, c: Pick<AuditChange, 'path' | 'item'>): string {
  const parts: string[] = [];
  const lastIndex = c.path.reduce<number>((last, p, i) => (typeof p === 'number' ? i : last), -1);
  c.path.forEach((p, i) => {
    if (typeof p !== 'number') return;
    const container = String(c.path[i - 1] ?? '');
    if (container === 'years') parts.push(t('audit.yearOf', { year: p }));
    else {
      const name = i === lastIndex && c.item ? `（${c.item}）` : '';
      parts.push(`${L(auditFieldLabel([container]))} ${p + 1}${name}`);
    }
  });
  parts.push(L(auditFieldLabel(c.path)));
  return parts.join(' · ');
}

/** A value as a person reads it: empty, yes/no, a code's label, a list, or the value itself. */
function Value({ entity, path, value }: { entity: string; path: AuditChange['path']; value: unknown }) {
  const { t, L } = useI18n();
  const show = (v: unknown): string | null => {
    if (v === null || v === undefined || v === '') return null;
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    const label = auditValueLabel(entity, path, v);
    if (label) return L(label);
    if (Array.isArray(v)) return v.length ? v.map((x) => show(x) ?? t('audit.empty')).join('、') : null;
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
  const text = show(value);
  return text === null ? <Typography.Text type="secondary">{t('audit.empty')}</Typography.Text> : <>{text}</>;
}

function Json({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value == null) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return <pre className="xh-json">{JSON.stringify(value, null, 2)}</pre>;
}

function BeforeAfter({ row }: { row: AuditRow }) {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Typography.Title level={5}>{t('audit.before')}</Typography.Title>
        <Json value={row.before} />
      </Col>
      <Col span={12}>
        <Typography.Title level={5}>{t('audit.after')}</Typography.Title>
        <Json value={row.after} />
      </Col>
    </Row>
  );
}

export function AuditDetail({ row }: { row: AuditRow }) {
  const i18n = useI18n();
  const { t } = i18n;
  const columns: TableColumnsType<AuditChange> = [
    { title: t('audit.field'), key: 'field', width: '34%', render: (_, c) => changeLabel(i18n, c) },
    {
      title: t('audit.before'),
      key: 'before',
      render: (_, c) => <Value entity={row.entity} path={c.path} value={c.before} />,
    },
    {
      title: t('audit.after'),
      key: 'after',
      render: (_, c) => <Value entity={row.entity} path={c.path} value={c.after} />,
    },
  ];
  return (
    <div data-testid={`audit-detail-${row.id}`}>
      {row.masked && <Alert type="info" showIcon title={t('audit.masked')} style={{ marginBottom: 12 }} />}
      {row.changes ? (
        <>
          <Table<AuditChange>
            size="small"
            rowKey={(c) => c.path.join('.')}
            columns={columns}
            dataSource={row.changes}
            pagination={false}
            locale={{ emptyText: t('audit.noChanges') }}
            data-testid="audit-changes"
          />
          <Collapse
            ghost
            size="small"
            style={{ marginTop: 8 }}
            items={[{ key: 'raw', label: t('audit.raw'), children: <BeforeAfter row={row} /> }]}
          />
        </>
      ) : (
        <BeforeAfter row={row} />
      )}
    </div>
  );
}
