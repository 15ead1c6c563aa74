import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { forceLabel } from '../../../shared/forces.ts';
import { INDICATORS, labelOf, type CodeListName } from '../../../shared/register.ts';
import type { MeasureView, ResponsibleCadre } from '../../../shared/contracts/pairings.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { writeAudit } from '../audit/repo.ts';
import { findRegions } from '../regions/repo.ts';
import { ancestorsOf } from '../../../shared/regions.ts';
import { householdDetail } from './service.ts';

const label = (list: CodeListName, code: string | null | undefined) => labelOf(list, code)?.zh ?? code ?? '—';
const FONT = 'SimSun';

const text = (s: string, opts: { bold?: boolean; size?: number } = {}) =>
  new Paragraph({ children: [new TextRun({ text: s, bold: opts.bold, size: opts.size ?? 20, font: FONT })] });

function table(rows: string[][], header = true): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          children: cells.map((c) => new TableCell({ children: [text(c, { bold: header && r === 0 })] })),
        }),
    ),
  });
}

const age = (birth: string | null, year: number) => (birth ? String(year - Number(birth.slice(0, 4))) : '—');

/**
 * The help a card prints — the responsible cadres (phones in full when `revealPhones`) and the measures — loaded by
 * the caller (the pairings module's helpOfHousehold), so that the register does not import the pairings module.
 */
export type HouseholdHelpLoader = (
  db: Db,
  householdId: number,
  opts: { revealPhones: boolean },
) => Promise<{ responsible: ResponsibleCadre[]; measures: MeasureView[] }>;

/**
 * 明白卡 — the one-page household card as a Word document: basics, members (ID numbers masked),
 * causes, recent income, the 两不愁三保障 indicators, the responsible cadres (帮扶责任人: unit, post,
 * phone) and the measures (帮扶措施) of its plan. The card hangs in the household's home so that the
 * family can call its cadre: for a caller who may reveal personal data (pii.reveal) the cadres' phones
 * are printed in full and the reveal is audited; otherwise, or with `mask`, they are masked.
 */
export async function householdCard(
  db: Db,
  scope: Scope,
  id: number,
  opts: { mask?: boolean; help: HouseholdHelpLoader },
): Promise<{ buffer: Buffer; filename: string; phonesRevealed: boolean }> {
  const h = await householdDetail(db, scope, id);
  const reveal = !opts.mask && scope.can('pii.reveal', h.regionCode);
  const actor = scope.actor;
  const help = await opts.help(db, h.id, { revealPhones: reveal });
  const phonesRevealed = reveal && help.responsible.some((c) => c.phone);
  if (phonesRevealed)
    await writeAudit(db, actor, {
      action: 'reveal',
      entity: 'household',
      entityId: h.id,
      regionCode: h.regionCode,
      after: { document: 'card', revealed: 'responsible cadre phones', cadres: help.responsible.map((c) => c.id) },
    });
  const places = await findRegions(
    db,
    ancestorsOf(h.regionCode).filter((c) => c.length === 12 && !c.endsWith('0000000000')),
  );
  const place = [
    ...places.filter((p) => p.level === 'county' || p.level === 'township').map((p) => p.name),
    h.villageName,
    h.groupName ?? '',
  ].join('');
  const latest = h.years.at(-1);
  const thisYear = latest?.year ?? new Date().getUTCFullYear();
  const causes = [h.mainCause, ...h.otherCauses].filter(Boolean).map((c) => label('cause', c));
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: `${place} 建档立卡户明白卡`, bold: true, size: 32, font: FONT })],
          }),
          text(''),
          table(
            [
              ['户编号', h.code, '户主', h.headName],
              ['家庭人口', `${h.persons} 人`, '户状态', label('household_status', h.status)],
              ['贫困户属性', label('attribute', h.attribute), '住房等级', label('housing_grade', h.housingGrade)],
              [
                '致贫原因',
                causes.join('、') || '—',
                '识别/脱贫年度',
                `${h.identifiedYear ?? '—'} / ${h.exitedYear ?? '—'}`,
              ],
            ],
            false,
          ),
          text(''),
          text('家庭成员', { bold: true, size: 24 }),
          table([
            ['姓名', '与户主关系', '性别', '年龄', '身份证号', '健康状况', '劳动技能', '务工状况'],
            ...h.members.map((m) => [
              m.name,
              label('relation', m.relation),
              label('gender', m.gender),
              age(m.birthDate, thisYear),
              m.idNumber ?? '—',
              label('health', m.health),
              label('labour', m.labour),
              label('work_status', m.workStatus),
            ]),
          ]),
          text(''),
          text('收入情况（元）', { bold: true, size: 24 }),
          table([
            ['年度', '工资性', '经营性', '转移性', '财产性', '生产支出', '纯收入', '人均纯收入'],
            ...h.years
              .slice(-3)
              .map((y) => [
                String(y.year),
                ...[
                  y.incomeWage,
                  y.incomeBusiness,
                  y.incomeTransfer,
                  y.incomeProperty,
                  y.productionCost,
                  y.netIncome,
                  y.perCapitaIncome,
                ].map((n) => n.toFixed(2)),
              ]),
          ]),
          text(''),
          text(`两不愁三保障及饮水安全（${latest?.year ?? '—'} 年）`, { bold: true, size: 24 }),
          table([
            INDICATORS.map((i) => i.zh),
            INDICATORS.map((i) => {
              const v = latest ? latest[i.code === 'food_clothing' ? 'foodClothing' : i.code] : null;
              return v === null || v === undefined ? '未填报' : v ? '已保障' : '未保障';
            }),
          ]),
          text(''),
          text('帮扶责任人', { bold: true, size: 24 }),
          help.responsible.length
            ? table([
                ['姓名', '工作单位', '职务', '联系电话', '结对日期'],
                ...help.responsible.map((c) => [
                  c.name,
                  c.unit?.name ?? '—',
                  c.post ?? '—',
                  c.phone ?? '—',
                  c.startDate,
                ]),
              ])
            : text('（待落实）'),
          text(''),
          text('帮扶措施', { bold: true, size: 24 }),
          help.measures.length
            ? table([
                ['类型', '措施', '金额（元）', '计划日期', '完成日期', '责任人', '状态'],
                ...help.measures.map((m) => [
                  forceLabel('measure_type', m.type)?.zh ?? m.type,
                  m.title,
                  m.amount === null ? '—' : m.amount.toFixed(2),
                  m.plannedDate ?? '—',
                  m.doneDate ?? '—',
                  m.person?.name ?? '—',
                  forceLabel('measure_status', m.status)?.zh ?? m.status,
                ]),
              ])
            : text('（待落实）'),
        ],
      },
    ],
  });
  return { buffer: await Packer.toBuffer(doc), filename: `明白卡-${h.code}.docx`, phonesRevealed };
}
