import type {
  CrosscheckHit,
  CrosscheckHitsQuery,
  CrosscheckResult,
  RegionHitsQuery,
} from '../../../shared/contracts/workflow.ts';
import type { Scope, ScopeRegion } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { bumpVersion } from '../../db/rows.ts';
import { conflict, notFound } from '../../errors.ts';
import { msg, t } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import {
  SOURCE_LABELS,
  validateRows,
  type CrosscheckRow,
  type CrosscheckSource,
  type RowProblem,
} from './crosscheck.ts';
import { findHit, findHousehold, hitsPage, listEvents, listHits } from './repo.ts';
import { allowedSteps } from './rules.ts';
import { commitStep } from './service.ts';

/** The village a cross-check or notice is of: the scope's region (the registrar resolved it), 409 unless a village. */
export function villageOf(scope: Scope): ScopeRegion {
  const region = scope.region;
  if (!region) throw new Error('villageOf: the contract names the village (scope from the path)');
  if (region.level !== 'village') throw conflict(msg(`${region.name}不是村级区划`, `${region.name} is not a village`));
  return region;
}

/** Row problems in the caller's language. */
export const localizeProblems = (problems: readonly RowProblem[]) =>
  problems.map((p) => ({ row: p.row, column: p.column, message: t(p.message) }));

/**
 * 一比对 — matches other departments' records (vehicles, commercial housing, public payroll, business
 * registration) by ID number against the members of the village's applicant households, and opens a
 * hit for review on each match. The same record uploaded again opens no second hit.
 */
export async function crosscheckUpload(
  db: Db,
  scope: Scope,
  rows: readonly CrosscheckRow[],
): Promise<CrosscheckResult> {
  const village = villageOf(scope);
  const { ok, problems } = validateRows(rows);
  const members = await db
    .selectFrom('household_member as m')
    .innerJoin('household as h', 'h.id', 'm.household_id')
    .select(['m.id', 'm.id_number', 'm.household_id', 'h.region_code'])
    .$call(scope.where('h.region_code'))
    .where('h.status', '=', 'applicant')
    .where('m.id_number', 'is not', null)
    .execute();
  const byId = new Map<string, typeof members>();
  for (const m of members) {
    const key = m.id_number!.trim().toUpperCase();
    byId.set(key, [...(byId.get(key) ?? []), m]);
  }
  const ids = await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('crosscheck_hit')
      .select(['member_id', 'source', 'detail'])
      .$call(scope.where('region_code'))
      .execute();
    const seen = new Set(existing.map((e) => `${e.member_id}|${e.source}|${e.detail ?? ''}`));
    const created: number[] = [];
    for (const r of ok) {
      for (const m of byId.get(r.idNumber) ?? []) {
        const key = `${m.id}|${r.source}|${r.detail ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const { id } = await trx
          .insertInto('crosscheck_hit')
          .values({
            household_id: m.household_id,
            member_id: m.id,
            region_code: m.region_code,
            source: r.source,
            detail: r.detail,
            status: 'open',
            created_at: nowIso(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        created.push(id);
      }
    }
    if (created.length)
      await writeAudit(trx, scope.actor, {
        action: 'create',
        entity: 'crosscheck_hit',
        regionCode: village.code,
        after: { checked: ok.length, hitIds: created },
      });
    return created;
  });
  return { checked: ok.length, hits: await listHits(db, { ids }), rejected: localizeProblems(problems) };
}

/** A page of the village's cross-check hits (open ones, or of another status, or all), for review. */
export async function villageHits(db: Db, scope: Scope, q: CrosscheckHitsQuery) {
  villageOf(scope);
  const { total, rows } = await hitsPage(db, scope, q);
  return { total, items: rows };
}

/** The hits of the scope's region (any level), oldest first — the workbench counts the open ones through it. */
export async function regionHits(db: Db, scope: Scope, q: Omit<RegionHitsQuery, 'region'>) {
  const { total, rows } = await hitsPage(db, scope, q);
  return { total, items: rows };
}

const hitView = async (db: Db, id: number) => (await listHits(db, { ids: [id] }))[0]!;

/**
 * Reviews a hit, decided on the hit as the caller read it (`version`): 'cleared' (not disqualifying — e.g. a farm
 * vehicle) or 'confirmed' (disqualifying), which ends the household's identification with 不予识别 when it is still
 * under way (and so moves the household's version on). Two reviewers at once: one wins, the other gets 409.
 */
export async function reviewHit(
  db: Db,
  scope: Scope,
  hitId: number,
  status: 'cleared' | 'confirmed',
  version: number | undefined,
): Promise<CrosscheckHit> {
  const hit = await findHit(db, hitId);
  if (!hit) throw notFound(msg(`比对疑点不存在：${hitId}`, `Cross-check hit not found: ${hitId}`));
  scope.authorize(hit.region_code);
  const actor = scope.actor;
  await db.transaction().execute(async (trx) => {
    await bumpVersion(trx, 'crosscheck_hit', hitId, version, () => hitView(trx, hitId));
    const done = await trx
      .updateTable('crosscheck_hit')
      .set({ status, resolved_at: nowIso() })
      .where('id', '=', hitId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0)
      throw conflict(msg('该疑点已经核实过，不能重复处理', 'This hit has already been reviewed'));
    await writeAudit(trx, actor, {
      action: 'update',
      entity: 'crosscheck_hit',
      entityId: hitId,
      regionCode: hit.region_code,
      before: { status: hit.status },
      after: { status },
    });
    if (status !== 'confirmed') return;
    const h = (await findHousehold(trx, hit.household_id))!;
    const events = (await listEvents(trx, [hit.household_id])).get(hit.household_id)!;
    const canReject = allowedSteps(h.status, events).some((s) => s.step === 'rejected');
    if (!canReject) return;
    const today = todayInChina();
    const last = events.at(-1)?.date ?? today;
    const label = SOURCE_LABELS[hit.source as CrosscheckSource] ?? msg(hit.source, hit.source);
    const step = {
      workflow: 'identification' as const,
      step: 'rejected',
      date: last > today ? last : today,
      note: `部门比对核实不符合条件：${label.zh}${hit.detail ? `（${hit.detail}）` : ''}`,
    };
    await commitStep(trx, actor, hit.household_id, step, 'unchecked');
  });
  return hitView(db, hitId);
}
