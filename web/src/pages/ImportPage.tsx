/**
 * /households/import — 户籍导入: download the template, upload .xlsx/.csv as a dry run (试运行) or for real
 * (正式导入), follow the upload and the server's progress, then read the result: counts, every rejected row
 * (行号, 列, 问题) and the error report workbook. Also exports a region in the same layout.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Progress, Radio, Row, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import FileDropper from '../components/FileDropper';
import { api, buildUrl, readCookie } from '../api';
import { acceptLanguage, useI18n } from '../i18n';
import { RegionTreeSelect } from '../components/RegionTreeSelect';

type Mode = 'dry-run' | 'commit';
interface RowError {
  key?: number;
  row: number;
  column: string;
  message: string;
  household?: string;
}
interface ImportResult {
  mode: Mode;
  imported: number;
  created: number;
  updated: number;
  rejected: number;
  persons: number;
  rows: number;
  rejectedRows: number;
  errors: RowError[];
  errorCount: number;
  truncated: boolean;
  warnings: string[];
  errorReportId: string | null;
}
interface ProgressState {
  phase: string;
  done: number;
  total: number;
}

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
} as const;

export default function ImportPage() {
  const { L } = useI18n();
  const tx = (k: keyof typeof TEXT, n?: number) =>
    L({ zh: TEXT[k][0], en: TEXT[k][1] }).replace('{n}', String(n ?? ''));
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode>('dry-run');
  const [busy, setBusy] = useState(false);
  const [upload, setUpload] = useState(0);
  const [server, setServer] = useState<ProgressState | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [region, setRegion] = useState<string>();
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const poll = useRef<number | null>(null);
  const stopPolling = () => {
    if (poll.current !== null) window.clearInterval(poll.current);
    poll.current = null;
  };
  useEffect(() => stopPolling, []);

  const start = () => {
    if (!file) return;
    const progressId = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
    setBusy(true);
    setUpload(0);
    setServer(null);
    setResult(null);
    setError(null);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl('/imports/households', { mode, progressId }));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', acceptLanguage());
    const csrf = readCookie('xh_csrf');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => e.lengthComputable && setUpload(Math.round((e.loaded / e.total) * 100));
    xhr.upload.onload = () => {
      setUpload(100);
      poll.current = window.setInterval(() => {
        api.get<ProgressState>(`/imports/progress/${progressId}`).then(setServer, () => {});
      }, 700);
    };
    const finish = () => {
      stopPolling();
      setBusy(false);
    };
    xhr.onload = () => {
      finish();
      try {
        const body = JSON.parse(xhr.responseText);
        if (xhr.status === 200) setResult(body as ImportResult);
        else setError(body?.error?.message ?? `HTTP ${xhr.status}`);
      } catch {
        setError(`HTTP ${xhr.status}`);
      }
    };
    xhr.onerror = () => {
      finish();
      setError(tx('failed'));
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  };

  const phase = server && server.phase in TEXT ? tx(server.phase as keyof typeof TEXT) : tx('pending');
  const percent = server && server.total > 0 ? Math.round((server.done / server.total) * 100) : 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={tx('title')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{tx('templateHint')}</Typography.Paragraph>
          <Button icon={<DownloadOutlined />} href="/api/imports/households/template">
            {tx('template')}
          </Button>
          <FileDropper
            file={file}
            onChange={(f: File | null) => {
              setFile(f);
              setResult(null);
            }}
            disabled={busy}
            text={tx('drop')}
          />
          <Space wrap>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mode)} disabled={busy}>
              <Radio value="dry-run">{tx('dryRun')}</Radio>
              <Radio value="commit">{tx('commit')}</Radio>
            </Radio.Group>
            <Button type="primary" icon={<UploadOutlined />} disabled={!file} loading={busy} onClick={start}>
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
      {result && <ResultCard result={result} tx={tx} />}
      <Card title={tx('export')}>
        <Space wrap>
          <RegionTreeSelect value={region} onChange={setRegion} placeholder={tx('region')} style={{ width: 320 }} />
          <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as 'xlsx' | 'csv')}>
            <Radio.Button value="xlsx">Excel</Radio.Button>
            <Radio.Button value="csv">CSV</Radio.Button>
          </Radio.Group>
          <Button
            icon={<DownloadOutlined />}
            disabled={!region}
            href={region ? buildUrl('/households/export', { region, format }) : undefined}
          >
            {tx('export')}
          </Button>
        </Space>
      </Card>
    </Space>
  );
}

function ResultCard({ result, tx }: { result: ImportResult; tx: (k: keyof typeof TEXT, n?: number) => string }) {
  const columns = [
    { title: tx('row'), dataIndex: 'row', width: 80, render: (r: number) => (r > 0 ? r : tx('file')) },
    { title: tx('column'), dataIndex: 'column', width: 160 },
    { title: tx('household'), dataIndex: 'household', width: 180 },
    { title: tx('problem'), dataIndex: 'message' },
  ];
  return (
    <Card
      title={result.mode === 'dry-run' ? tx('dryRun') : tx('commit')}
      extra={
        result.errorReportId && (
          <Button icon={<DownloadOutlined />} href={`/api/imports/reports/${result.errorReportId}`}>
            {tx('report')}
          </Button>
        )
      }
    >
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title={result.mode === 'dry-run' ? tx('wouldImport') : tx('imported')} value={result.imported} />
        </Col>
        <Col span={6}>
          <Statistic
            title={tx('rejected')}
            value={result.rejected}
            styles={result.rejected ? { content: { color: '#cf1322' } } : undefined}
          />
        </Col>
        <Col span={6}>
          <Statistic title={tx('persons')} value={result.persons} />
        </Col>
        <Col span={6}>
          <Statistic title={tx('rows')} value={`${result.rows} / ${result.rejectedRows}`} />
        </Col>
      </Row>
      <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
        <Alert type="info" showIcon title={tx('policy')} />
        {result.warnings.map((w) => (
          <Alert key={w} type="warning" showIcon title={w} />
        ))}
        {result.errorCount === 0 && <Alert type="success" showIcon title={tx('allGood')} />}
        {result.truncated && <Alert type="warning" showIcon title={tx('truncated', result.errors.length)} />}
        {result.errors.length > 0 && (
          <Table<RowError>
            size="small"
            rowKey="key"
            columns={columns}
            dataSource={result.errors.map((e, key) => ({ ...e, key }))}
            pagination={{ pageSize: 20, showSizeChanger: true }}
          />
        )}
      </Space>
    </Card>
  );
}
