import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { labelOf } from '../../../shared/register.ts';
import type { NoticeQuery } from '../../../shared/contracts/workflow.ts';
import type { Scope } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import type { Db } from '../../db/index.ts';
import { invalid } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { maskIdNumber } from '../../pii/mask.ts';
import { groupName } from '../regions/rules.ts';
import { villageOf } from './crosscheck-service.ts';
import { listEvents } from './repo.ts';
import { positionOf } from './rules.ts';

export type NoticeWorkflow = NoticeQuery['workflow'];

/** The notice query with its defaults resolved: the year and both days of the notice period. */
export type NoticeOptions = NoticeQuery & { year: number; from: string; to: string };

/** Households on the list: ready for the village notice or under it. */
const AT_NOTICE: Record<NoticeWorkflow, { statuses: string[]; steps: string[] }> = {
  identification: { statuses: ['applicant'], steps: ['second_appraisal', 'village_notice'] },
  exit: { statuses: ['poor', 'returned'], steps: ['household_consent', 'notice'] },
};

export function noticeTitle(villageName: string, year: number, workflow: NoticeWorkflow): string {
  return workflow === 'identification'
    ? `${villageName}${year}年建档立卡贫困户识别公示`
    : `${villageName}${year}年贫困户脱贫退出公示`;
}

const cnDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/** The households of the village at the notice step, in group and code order, with the head's masked ID number. */
async function noticeRows(db: Db, scope: Scope, o: NoticeOptions) {
  const at = AT_NOTICE[o.workflow];
  const households = await db
    .selectFrom('household as h')
    .leftJoin('region as g', 'g.code', 'h.group_code')
    .select(['h.id', 'h.code', 'h.head_name', 'h.persons', 'h.main_cause', 'h.group_code', 'g.name as group_name'])
    .select((eb) =>
      eb
        .selectFrom('household_member as m')
        .select('m.id_number')
        .whereRef('m.household_id', '=', 'h.id')
        .where('m.relation', '=', 'head')
        .limit(1)
        .as('head_id_number'),
    )
    .select((eb) =>
      eb
        .selectFrom('household_year as y')
        .select('y.per_capita_income')
        .whereRef('y.household_id', '=', 'h.id')
        .where('y.year', '=', o.year)
        .as('income'),
    )
    .$call(scope.where('h.region_code'))
    .where('h.status', 'in', at.statuses)
    .orderBy('h.group_code')
    .orderBy('h.code')
    .execute();
  const events = await listEvents(
    db,
    households.map((h) => h.id),
  );
  return households.filter((h) => {
    const { active, last } = positionOf(events.get(h.id)!);
    return active === o.workflow && at.steps.includes(last!.step);
  });
}

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] })],
  });
const para = (children: ParagraphChild[] | string, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Paragraph({
    alignment,
    spacing: { after: 120 },
    children: typeof children === 'string' ? [new TextRun(children)] : children,
  });

/**
 * The notice period and year: from today (or `from`) for seven days unless `to` says otherwise (400 when it ends
 * before it starts); the year of the first day unless given.
 */
export function noticeOptions(q: NoticeQuery, today = todayInChina()): NoticeOptions {
  const from = q.from ?? today;
  const to = q.to ?? new Date(Date.parse(from) + 6 * 86_400_000).toISOString().slice(0, 10);
  if (to < from) throw invalid('query.to', msg('公示结束日期早于开始日期', 'The notice ends before it starts'));
  return { ...q, year: q.year ?? Number(from.slice(0, 4)), from, to };
}

/** 公示 — the village notice list (the scope's village) as a Word document. ID numbers appear masked only. */
export async function noticeDocx(db: Db, scope: Scope, q: NoticeQuery): Promise<{ buffer: Buffer; filename: string }> {
  const village = villageOf(scope);
  const o = noticeOptions(q);
  const rows = await noticeRows(db, scope, o);
  const exit = o.workflow === 'exit';
  const header = ['序号', '所在组', '户编号', '户主', '户主身份证号', '人口', '主要致贫原因'];
  if (exit) header.push(`${o.year}年人均纯收入（元）`);
  const body = rows.map((h, i) => {
    const group = h.group_name ?? (h.group_code ? groupName(Number(h.group_code.slice(12))) : '');
    const values = [
      String(i + 1),
      group,
      h.code,
      h.head_name,
      maskIdNumber(h.head_id_number) ?? '',
      String(h.persons),
      labelOf('cause', h.main_cause)?.zh ?? '',
    ];
    if (exit) values.push(h.income === null || h.income === undefined ? '' : Number(h.income).toFixed(2));
    return new TableRow({ children: values.map((v) => cell(v)) });
  });
  const committee = village.name.endsWith('社区') ? '居民委员会' : '村民委员会';
  const intro = exit
    ? '根据贫困户退出标准和程序，经村两委评议、驻村工作队核实、贫困户认可签字，现将拟退出贫困户名单公示如下：'
    : '根据建档立卡贫困户识别程序，经农户申请、村民主评议、部门信息比对，现将拟识别为建档立卡贫困户的名单公示如下：';
  const doc = new Document({
    creator: '绣花',
    title: noticeTitle(village.name, o.year, o.workflow),
    styles: { default: { document: { run: { font: 'SimSun', size: 24 } } } },
    sections: [
      {
        children: [
          para(
            [
              new TextRun({
                text: noticeTitle(village.name, o.year, o.workflow),
                bold: true,
                size: 36,
                font: 'SimHei',
              }),
            ],
            AlignmentType.CENTER,
          ),
          para(intro),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...body],
          }),
          para(`共 ${rows.length} 户 ${rows.reduce((s, h) => s + Number(h.persons), 0)} 人。`),
          para(
            `公示期：${cnDate(o.from)}至${cnDate(o.to)}（共 ${days(o.from, o.to)} 天）。公示期内如有异议，请向村委会或乡镇人民政府反映。`,
          ),
          para(`监督电话：${o.contact?.trim() || '________________'}`),
          para(`${village.name}${committee}`, AlignmentType.RIGHT),
          para(cnDate(o.from), AlignmentType.RIGHT),
        ],
      },
    ],
  });
  return { buffer: await Packer.toBuffer(doc), filename: `${noticeTitle(village.name, o.year, o.workflow)}.docx` };
}
