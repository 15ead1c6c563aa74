import type { Actor } from '../../access/permissions.ts';
import { authorize } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { conflict, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { writeAudit } from '../audit/repo.ts';
import { subtreeRange } from '../../../shared/regions.ts';
import { requireRegion } from '../regions/service.ts';
import { SOURCE_LABELS, validateRows, type CrosscheckRow, type CrosscheckSource } from './crosscheck.ts';
import { findHit, findHousehold, listEvents, listHits } from './repo.ts';
import { allowedSteps } from './rules.ts';
import { todayInChina } from '../../clock.ts';
import { commitStep } from './service.ts';

export type HitStatus = 'open' | 'cleared' | 'confirmed';

async function requireVillage(db: Db, code: string) {
  const region = await requireRegion(db, code, 'code');
  if (region.level !== 'village') throw conflict(msg(`${region.name}不是村级区划`, `${region.name} is not a village`));
  return region;
}

/**
 * 一比对 — matches other departments' records (vehicles, commercial housing, public payroll, business
 * registration) by ID number against the members of the village's applicant households, and opens a
 * hit for review on each match. The same record uploaded again opens no second hit.
 */
export async function crosscheckUpload(db: Db, actor: Actor, villageCode: string, rows: readonly CrosscheckRow[]) {
  const village = await requireVillage(db, villageCode);
  authorize(actor, 'household.write', village.code);
  const { ok, problems } = validateRows(rows);
  const range = subtreeRange(village.code);
  const members = await db
    .selectFrom('household_member as m')
    .innerJoin('household as h', 'h.id', 'm.household_id')
    .select(['m.id', 'm.id_number', 'm.household_id', 'h.region_code'])
    .where('h.region_code', '>=', range.lo)
    .where('h.region_code', '<', range.hi)
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
      .where('region_code', '>=', range.lo)
      .where('region_code', '<', range.hi)
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
      await writeAudit(trx, actor, {
        action: 'create',
        entity: 'crosscheck_hit',
        regionCode: village.code,
        after: { checked: ok.length, hitIds: created },
      });
    return created;
  });
  return { checked: ok.length, hits: await listHits(db, { ids }), rejected: problems };
}

/** Open (or all) cross-check hits of a village, for review. */
export async function villageHits(db: Db, actor: Actor, villageCode: string, status?: HitStatus) {
  const village = await requireVillage(db, villageCode);
  authorize(actor, 'household.read', village.code);
  return listHits(db, { range: subtreeRange(village.code), status });
}

/**
 * Reviews a hit: 'cleared' (not disqualifying — e.g. a farm vehicle) or 'confirmed' (disqualifying),
 * which ends the household's identification with 不予识别 when it is still under way.
 */
export async function resolveHit(db: Db, actor: Actor, hitId: number, status: 'cleared' | 'confirmed') {
  const hit = await findHit(db, hitId);
  if (!hit) throw notFound(msg(`比对疑点不存在：${hitId}`, `Cross-check hit not found: ${hitId}`));
  authorize(actor, 'household.write', hit.region_code);
  await db.transaction().execute(async (trx) => {
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
    await commitStep(trx, actor, hit.household_id, {
      workflow: 'identification',
      step: 'rejected',
      date: last > today ? last : today,
      note: `部门比对核实不符合条件：${label.zh}${hit.detail ? `（${hit.detail}）` : ''}`,
    });
  });
  return (await listHits(db, { ids: [hitId] }))[0]!;
}
