/**
 * /imports — 导入: households (户籍, the default), cadres (干部信息), stationing assignments (驻村任职) or
 * pairings (结对帮扶), chosen above (?kind=…). Download the kind's template, upload .xlsx/.csv as a dry run
 * (试运行) or for real (正式导入), follow the upload and the server's progress, then read the result:
 * counts, every rejected row (行号, 列, 问题) and the error report workbook. Also exports a region's
 * households in the household layout.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Card, Checkbox, Col, Progress, Radio, Row, Space, Statistic, Tooltip, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { Permission } from '@shared/codes';
import { households as householdContracts } from '@shared/contracts/households';
import {
  FORCE_IMPORT_KINDS,
  forceImports,
  imports,
  type ForceImportKind,
  type HouseholdImportResult,
  type ImportProgress,
  type ImportQuery,
  type ImportRowError,
  type RowsImportResult,
} from '@shared/contracts/imports';
import FileDropper from '../components/FileDropper';
import { call, errorMessage, isApiError } from '../api';
import { download } from '../download';
import { useAuth } from '../auth';
import { useI18n, type MessageKey } from '../i18n';
import { RegionTreeSelect } from '../components/RegionTreeSelect';
import { upload as uploadFile } from '../upload';
import { DataTable } from '../components/common/DataTable';

type Mode = ImportQuery['mode'];
type Kind = 'households' | ForceImportKind;
/** The imports and the permission each needs (the contract's: the server checks it again). */
const KINDS: [Kind, Permission][] = [
  ['households', imports.households.permission],
  ...FORCE_IMPORT_KINDS.map((k): [Kind, Permission] => [k, forceImports[k].upload.permission]),
];
const TEXT = {
  title: ['户籍导入', 'Import households'],
  templateHint: [
    '按模板填写：每行一名家庭成员，同一户的各行户编号相同且连续。',
    'Fill in the template: one person per row; a household’s rows share its code and stay together.',
  ],
  template: ['下载导入模板', 'Download template'],
  drop: ['点击或拖入 .xlsx / .csv 文件', 'Click or drop an .xlsx / .csv file'],
  dryRun: ['试运行（只检查，不写入）', 'Dry run (check only)'],
  commit: ['正式导入', 'Import'],
  start: ['开始', 'Start'],
  upload: ['上传', 'Uploading'],
  read: ['读取文件', 'Reading the file'],
  import: ['校验与写入', 'Checking and writing'],
  pending: ['等待服务器', 'Waiting for the server'],
  policy: [
    '每户全部通过校验才导入；有问题的户整户不导入。',
    'A household is imported only if all its rows pass; others are rejected whole.',
  ],
  wouldImport: ['可导入（户）', 'Would import (households)'],
  imported: ['已导入（户）', 'Imported (households)'],
  rejected: ['未导入（户）', 'Rejected (households)'],
  persons: ['人数', 'Persons'],
  rows: ['数据行 / 未导入行', 'Rows / rejected'],
  report: ['下载错误报告', 'Download error report'],
  row: ['行号', 'Row'],
  column: ['列', 'Column'],
  household: ['户编号', 'Household'],
  problem: ['问题', 'Problem'],
  file: ['（文件）', '(file)'],
  truncated: [
    '此处只列出前 {n} 个问题，完整列表见错误报告。',
    'Only the first {n} problems are listed; the report has them all.',
  ],
  allGood: ['全部通过校验。', 'Every row passed.'],
  export: ['导出户籍（导入格式）', 'Export (import layout)'],
  region: ['选择区域', 'Choose a region'],
  failed: ['导入失败', 'Import failed'],
  allowStatus: [
    '允许修改已有农户的户状态（导入历史数据）',
    'Allow status changes of existing households (historical data)',
  ],
  allowStatusHint: [
    '户状态、识别年度和脱贫年度只能通过识别、退出、返贫流程变更。不勾选时，与系统中不同的已有农户整户不导入；勾选后按文件修改，并记入审计日志。',
    'Status, identification and exit years change only through the workflow. Unticked, an existing household whose values differ is rejected; ticked, the file’s values are taken and audited.',
  ],
  statusChanges: ['修改户状态（户）', 'Statuses set (households)'],
} as const;

export default function ImportPage() {
  const { L, t } = useI18n();
  const { can } = useAuth();
  const tx = (k: keyof typeof TEXT, n?: number) =>
    L({ zh: TEXT[k][0], en: TEXT[k][1] }).replace('{n}', String(n ?? ''));
  const [params, setParams] = useSearchParams();
  const kinds = KINDS.filter(([, perm]) => can(perm)).map(([k]) => k);
  const asked = params.get('kind') as Kind | null;
  const kind: Kind = asked && kinds.includes(asked) ? asked : (kinds[0] ?? 'households');
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode>('dry-run');
  // Historical data: the system administrator may let an import set existing households' statuses (audited).
  const [allowStatus, setAllowStatus] = useState(false);
  const [busy, setBusy] = useState(false);
  const [upload, setUpload] = useState(0);
  const [server, setServer] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<HouseholdImportResult | null>(null);
  const [rowsResult, setRowsResult] = useState<RowsImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [region, setRegion] = useState<string>();
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const poll = useRef<number | null>(null);
  const stopPolling = () => {
    if (poll.current !== null) window.clearInterval(poll.current);
    poll.current = null;
  };
  useEffect(() => stopPolling, []);

  const start = async () => {
    if (!file) return;
    const progressId = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
    setBusy(true);
    setUpload(0);
    setServer(null);
    setResult(null);
    setRowsResult(null);
    setError(null);
    // While the server works on the file, its progress is polled under the id the page made up.
    const events = {
      progress: setUpload,
      sent: () => {
        poll.current = window.setInterval(() => {
          call(imports.progress, { params: { id: progressId } }).then(setServer, () => {});
        }, 700);
      },
    };
    const query = { mode, progressId };
    try {
      if (kind === 'households')
        setResult(
          await uploadFile(
            imports.households,
            { query: { ...query, ...(allowStatus ? { allowStatus: 'true' as const } : {}) } },
            file,
            events,
          ),
        );
      else setRowsResult(await uploadFile(forceImports[kind].upload, { query }, file, events));
    } catch (e) {
      setError(isApiError(e) && e.code === 'NETWORK' ? tx('failed') : errorMessage(e));
    } finally {
      stopPolling();
      setBusy(false);
    }
  };

  /** A download through its contract; a refusal (403, 404) shows as the page's error. */
  const save = (run: () => Promise<void>) => () => {
    setError(null);
    run().catch((e: unknown) => setError(errorMessage(e)));
  };
  const template = save(() =>
    kind === 'households'
      ? download(imports.householdTemplate, {}, '建档立卡户导入模板.xlsx')
      : download(forceImports[kind].template, {}, `${kind}-template.xlsx`),
  );
  const exportRegion = save(() =>
    download(householdContracts.export, { query: { region: region!, format } }, `households.${format}`),
  );
  const report = (id: string) => save(() => download(imports.report, { params: { id } }, '导入错误报告.xlsx'));

  const phase = tx(server && server.phase !== 'done' ? server.phase : 'pending');
  const percent = server && server.total > 0 ? Math.round((server.done / server.total) * 100) : 0;

  const households = kind === 'households';
  const choose = (k: Kind) => {
    setParams(k === 'households' ? {} : { kind: k }, { replace: true });
    setFile(null);
    setResult(null);
    setRowsResult(null);
    setError(null);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={households ? tx('title') : t(`fimp.title.${kind}` as MessageKey)}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {kinds.length > 1 && (
            <Space wrap>
              <Typography.Text>{t('fimp.kind')}</Typography.Text>
              <Radio.Group
                value={kind}
                onChange={(e) => choose(e.target.value as Kind)}
                disabled={busy}
                optionType="button"
                buttonStyle="solid"
                options={kinds.map((k) => ({ value: k, label: t(`fimp.kind.${k}` as MessageKey) }))}
              />
            </Space>
          )}
          <Typography.Paragraph type="secondary">
            {households ? tx('templateHint') : t(`fimp.hint.${kind}` as MessageKey)}
          </Typography.Paragraph>
          <Button icon={<DownloadOutlined />} onClick={template}>
            {tx('template')}
          </Button>
          <FileDropper
            file={file}
            onChange={(f: File | null) => {
              setFile(f);
              setResult(null);
              setRowsResult(null);
            }}
            disabled={busy}
            text={tx('drop')}
          />
          {households && can('household.status') && (
            <Tooltip title={tx('allowStatusHint')}>
              <Checkbox
                checked={allowStatus}
                onChange={(e) => setAllowStatus(e.target.checked)}
                disabled={busy}
                data-testid="import-allow-status"
              >
                {tx('allowStatus')}
              </Checkbox>
            </Tooltip>
          )}
          <Space wrap>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mode)} disabled={busy}>
              <Radio value="dry-run">{tx('dryRun')}</Radio>
              <Radio value="commit">{tx('commit')}</Radio>
            </Radio.Group>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              disabled={!file}
              loading={busy}
              onClick={() => void start()}
            >
              {tx('start')}
            </Button>
          </Space>
          {busy && (
            <div>
              <Typography.Text>{tx('upload')}</Typography.Text>
              <Progress percent={upload} size="small" />
              {upload === 100 && (
                <>
                  <Typography.Text>{phase}</Typography.Text>
                  <Progress percent={percent} size="small" status="active" />
                </>
              )}
            </div>
          )}
          {error && <Alert type="error" showIcon title={error} />}
        </Space>
      </Card>
      {result && <HouseholdsResultCard result={result} tx={tx} report={report} />}
      {rowsResult && <RowsResultCard result={rowsResult} tx={tx} report={report} />}
      {households && (
        <Card title={tx('export')}>
          <Space wrap>
            <RegionTreeSelect value={region} onChange={setRegion} placeholder={tx('region')} style={{ width: 320 }} />
            <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as 'xlsx' | 'csv')}>
              <Radio.Button value="xlsx">Excel</Radio.Button>
              <Radio.Button value="csv">CSV</Radio.Button>
            </Radio.Group>
            <Button icon={<DownloadOutlined />} disabled={!region} onClick={exportRegion}>
              {tx('export')}
            </Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}

type Tx = (k: keyof typeof TEXT, n?: number) => string;
/** Downloads the error report with this id. */
type Report = (id: string) => () => void;

/** The households' result: households imported and rejected, persons, rows. */
function HouseholdsResultCard({ result, tx, report }: { result: HouseholdImportResult; tx: Tx; report: Report }) {
  return (
    <ResultCard
      result={result}
      tx={tx}
      report={report}
      keyColumn={{ title: tx('household'), dataIndex: 'household' }}
      policy={tx('policy')}
      stats={[
        [result.mode === 'dry-run' ? tx('wouldImport') : tx('imported'), result.imported, 6],
        [tx('rejected'), result.rejected, 6, result.rejected > 0],
        [tx('persons'), result.persons, 6],
        [tx('rows'), `${result.rows} / ${result.rejectedRows}`, 6],
        ...(result.statusChanges ? [[tx('statusChanges'), result.statusChanges, 6] as [string, number, number]] : []),
      ]}
    />
  );
}

/** The result of a cadres, stations or pairings import: one sentence, the counts, the rejected rows. */
function RowsResultCard({ result, tx, report }: { result: RowsImportResult; tx: Tx; report: Report }) {
  const { t } = useI18n();
  return (
    <ResultCard
      result={result}
      tx={tx}
      report={report}
      keyColumn={{ title: t(`fimp.key.${result.kind}` as MessageKey), dataIndex: 'key' }}
      policy={t('fimp.policy')}
      summary={
        <Alert
          type={result.rejected ? 'warning' : 'success'}
          showIcon
          title={result.summary}
          data-testid="import-summary"
        />
      }
      stats={[
        [result.mode === 'dry-run' ? t('fimp.wouldImport') : t('fimp.imported'), result.imported, 5],
        [t('fimp.rejected'), result.rejected, 5, result.rejected > 0],
        [t('fimp.created'), result.created, 4],
        [t('fimp.updated'), result.updated, 4],
        [t('fimp.unchanged'), result.unchanged, 4],
      ]}
    />
  );
}

/**
 * An import's result: the counts, the policy, warnings, and every rejected row (行号, 列, what the row is
 * about, 问题) with the error report workbook to download.
 */
function ResultCard({
  result,
  tx,
  report,
  stats,
  policy,
  summary,
  keyColumn,
}: {
  result: Pick<HouseholdImportResult, 'mode' | 'errors' | 'errorCount' | 'truncated' | 'warnings' | 'errorReportId'>;
  tx: Tx;
  report: Report;
  /** [title, value, column span, shown in red]. */
  stats: [string, number | string, number, boolean?][];
  policy: string;
  /** The result in one sentence (else “every row passed” when there are no errors). */
  summary?: ReactNode;
  keyColumn: { title: string; dataIndex: keyof ImportRowError };
}) {
  const columns = [
    { title: tx('row'), dataIndex: 'row', width: 80, render: (r: number) => (r > 0 ? r : tx('file')) },
    { title: tx('column'), dataIndex: 'column', width: 160 },
    { ...keyColumn, width: 180 },
    { title: tx('problem'), dataIndex: 'message' },
  ];
  return (
    <Card
      title={result.mode === 'dry-run' ? tx('dryRun') : tx('commit')}
      extra={
        result.errorReportId && (
          <Button icon={<DownloadOutlined />} onClick={report(result.errorReportId)}>
            {tx('report')}
          </Button>
        )
      }
    >
      <Row gutter={16}>
        {stats.map(([title, value, span, red]) => (
          <Col span={span} key={title}>
            <Statistic title={title} value={value} styles={red ? { content: { color: '#cf1322' } } : undefined} />
          </Col>
        ))}
      </Row>
      <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
        {summary}
        <Alert type="info" showIcon title={policy} />
        {result.warnings.map((w) => (
          <Alert key={w} type="warning" showIcon title={w} />
        ))}
        {!summary && result.errorCount === 0 && <Alert type="success" showIcon title={tx('allGood')} />}
        {result.truncated && <Alert type="warning" showIcon title={tx('truncated', result.errors.length)} />}
        {result.errors.length > 0 && (
          <DataTable<ImportRowError & { rowKey: number }>
            size="small"
            rowKey="rowKey"
            columns={columns}
            dataSource={result.errors.map((e, rowKey) => ({ ...e, rowKey }))}
            pagination={{ pageSize: 20, showSizeChanger: true }}
          />
        )}
      </Space>
    </Card>
  );
}
