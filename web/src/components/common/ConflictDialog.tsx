/**
 * The dialog of a lost race: the record was saved by someone else after the user read it (409 VERSION_CONFLICT).
 * It shows the fields where the user's values and the saved ones differ, and lets the user take theirs (reload)
 * or overwrite with their own, consciously.
 */
import { Alert, Button, Modal, Space, Table, Typography } from 'antd';
import { t, useI18n } from '../../i18n';
import { list } from '../../format';

export interface ConflictRow {
  field: string;
  label: string;
  mine: string;
  theirs: string;
}

/** A form value as short text for the comparison table. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) return list(v.map(showValue)) || '—';
    // Rows of a list (members, years): named by their name or year where they have one.
    const names = v.map((x) => (x as { name?: unknown; year?: unknown }).name ?? (x as { year?: unknown }).year);
    return names.every((n) => n !== undefined) ? list(names.map(showValue)) : t('common.nItems', { n: v.length });
  }
  if (typeof v === 'object') return JSON.stringify(v).slice(0, 120);
  return String(v);
}

/** A value with empty fields (undefined, null, '') dropped and keys sorted, so a form and a record compare. */
function normal(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normal);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined && x !== null && x !== '')
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, normal(x)]),
    );
  return v === '' || v === undefined ? null : v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(normal(a)) === JSON.stringify(normal(b));

/** The rows where `mine` and `theirs` differ, over the labelled fields. */
export function conflictRows(
  labels: Record<string, string>,
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
): ConflictRow[] {
  return Object.entries(labels)
    .filter(([field]) => !same(mine[field], theirs[field]))
    .map(([field, label]) => ({ field, label, mine: showValue(mine[field]), theirs: showValue(theirs[field]) }));
}

export function ConflictDialog({
  open,
  rows,
  who,
  busy,
  onReload,
  onOverwrite,
  onCancel,
}: {
  open: boolean;
  rows: ConflictRow[];
  /** Who saved the newer version, when known. */
  who?: string | null;
  busy: boolean;
  onReload: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={t('conflict.title')}
      onCancel={onCancel}
      width={720}
      data-testid="conflict-dialog"
      footer={
        <Space>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button onClick={onReload} data-testid="conflict-reload">
            {t('conflict.reload')}
          </Button>
          <Button type="primary" danger loading={busy} onClick={onOverwrite} data-testid="conflict-overwrite">
            {t('conflict.overwrite')}
          </Button>
        </Space>
      }
    >
      <Alert type="warning" showIcon title={t('conflict.desc', { who: who || t('conflict.someone') })} />
      {rows.length ? (
        <Table<ConflictRow>
          style={{ marginTop: 16 }}
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={rows}
          data-testid="conflict-table"
          columns={[
            { title: t('conflict.field'), dataIndex: 'label', width: 140 },
            { title: t('conflict.mine'), dataIndex: 'mine' },
            {
              title: t('conflict.theirs'),
              dataIndex: 'theirs',
              render: (v: string) => <Typography.Text type="warning">{v}</Typography.Text>,
            },
          ]}
        />
      ) : (
        <Typography.Paragraph style={{ marginTop: 16 }}>{t('conflict.noDiff')}</Typography.Paragraph>
      )}
    </Modal>
  );
}
