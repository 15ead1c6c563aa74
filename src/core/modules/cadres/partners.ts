/**
 * Partners (企业与合作社): enterprises and cooperatives paired with villages. A partner belongs to the region that
 * registered it; force.read lists, force.write in its region changes it. A caller sees those registered inside
 * its scope, those registered above it (the county's enterprises from its villages) and those paired with a
 * village of it. Phones are masked; a masked phone sent back unchanged keeps the stored number.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { PartnerInput, PartnerListQuery, PartnerPatch, PartnerView } from '../../../shared/contracts/units.ts';
import type { Scope } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { listPage } from '../../db/list.ts';
import type { DB } from '../../db/schema.ts';
import { bumpVersion } from '../../db/rows.ts';
import { maskPhone } from '../../pii/mask.ts';
import { writeAudit } from '../audit/repo.ts';
import { requireRegion } from '../regions/service.ts';
import { keptPhone, partnerMissing, refuse, seenFrom, uniqueName } from './common.ts';
import { pairingActive } from './repo.ts';

/** Keeps the partners (alias `e`) the scope sees: registered inside or above it, or paired with a village of it. */
const visiblePartners = (scope: Scope) =>
  seenFrom(scope, 'e.region_code', (eb: ExpressionBuilder<DB & { e: DB['partner'] }, 'e'>) => [
    eb.exists(
      eb
        .selectFrom('pairing as g')
        .select(sql`1`.as('one'))
        .whereRef('g.partner_id', '=', 'e.id')
        .$call(scope.where('g.region_code')),
    ),
  ]);

function partnerQuery(db: Db) {
  return db
    .selectFrom('partner as e')
    .leftJoin('region as r', 'r.code', 'e.region_code')
    .select([
      'e.id',
      'e.name',
      'e.kind',
      'e.region_code',
      'r.name as region_name',
      'e.contact',
      'e.phone',
      'e.version',
    ]);
}

type PartnerRow = Awaited<ReturnType<ReturnType<typeof partnerQuery>['executeTakeFirstOrThrow']>>;

const partnerView = (r: PartnerRow, villages: number): PartnerView => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  regionCode: r.region_code,
  regionName: r.region_name ?? r.region_code,
  contact: r.contact,
  phone: maskPhone(r.phone),
  villages,
  version: r.version,
});

/** Villages of the scope a partner is paired with now (active enterprise ↔ village pairings). */
async function partnerVillages(db: Db, scope: Scope, ids: readonly number[]) {
  const out = new Map<number, number>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('pairing as g')
    .select(['g.partner_id', 'g.region_code'])
    .distinct()
    .where('g.partner_id', 'in', ids)
    .where(pairingActive('g', todayInChina()))
    .$call(scope.where('g.region_code'))
    .execute();
  for (const r of rows) out.set(r.partner_id!, (out.get(r.partner_id!) ?? 0) + 1);
  return out;
}

export async function partnerList(db: Db, scope: Scope, q: Omit<PartnerListQuery, 'region'>) {
  const base = db
    .selectFrom('partner as e')
    .$if(!!q.kind, (qb) => qb.where('e.kind', '=', q.kind!))
    .$if(!!q.q, (qb) => qb.where('e.name', 'like', `%${q.q}%`));
  const { total, rows } = await listPage({
    scope,
    base,
    scopeColumn: visiblePartners,
    order: (qb) => qb.orderBy('e.region_code').orderBy('e.name').orderBy('e.id'),
    page: q,
    id: 'e.id',
    details: (ids) => partnerQuery(db).where('e.id', 'in', ids).execute(),
  });
  const villages = await partnerVillages(
    db,
    scope,
    rows.map((r) => r.id),
  );
  return { total, items: rows.map((r) => partnerView(r, villages.get(r.id) ?? 0)) };
}

async function getPartner(db: Db, scope: Scope, id: number): Promise<PartnerView> {
  const row = await partnerQuery(db).where('e.id', '=', id).executeTakeFirst();
  if (!row) throw partnerMissing(id);
  return partnerView(row, (await partnerVillages(db, scope, [id])).get(id) ?? 0);
}

/** Registers a partner in a region of the scope (force.write there); the phone in full. */
export async function createPartner(db: Db, scope: Scope, input: PartnerInput): Promise<PartnerView> {
  const region = await requireRegion(db, input.regionCode, 'regionCode');
  scope.authorize(region.code);
  const phone = keptPhone(input.phone, null);
  if ('problem' in phone) refuse([['phone', phone.problem]]);
  const values = {
    name: input.name,
    kind: input.kind,
    region_code: region.code,
    contact: input.contact ?? null,
    phone: input.phone ?? null,
  };
  const id = await db.transaction().execute(async (trx) => {
    await uniqueName(trx, 'partner', input.name);
    const now = nowIso();
    const { id } = await trx
      .insertInto('partner')
      .values({ ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, scope.actor, {
      action: 'create',
      entity: 'partner',
      entityId: id,
      regionCode: region.code,
      after: values,
    });
    return id;
  });
  return getPartner(db, scope.withPermission('force.read'), id);
}

/** Changes a partner (force.write in its region and in the new one); 409 when `version` is stale. */
export async function updatePartner(
  db: Db,
  scope: Scope,
  id: number,
  patch: Omit<PartnerPatch, 'version'>,
  version: number | undefined,
): Promise<PartnerView> {
  const before = await partnerQuery(db).where('e.id', '=', id).executeTakeFirst();
  if (!before) throw partnerMissing(id);
  scope.authorize(before.region_code);
  const region = await requireRegion(db, patch.regionCode ?? before.region_code, 'regionCode');
  scope.authorize(region.code);
  const phone = keptPhone(patch.phone === undefined ? maskPhone(before.phone) : patch.phone, before.phone);
  if ('problem' in phone) refuse([['phone', phone.problem]]);
  const values = {
    name: patch.name ?? before.name,
    kind: patch.kind ?? before.kind,
    region_code: region.code,
    contact: patch.contact === undefined ? before.contact : patch.contact,
    phone: 'phone' in phone ? phone.phone : null,
  };
  const reader = scope.withPermission('force.read');
  await db.transaction().execute(async (trx) => {
    await bumpVersion(trx, 'partner', id, version, () => getPartner(trx, reader, id));
    await uniqueName(trx, 'partner', values.name, id);
    await trx
      .updateTable('partner')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope.actor, {
      action: 'update',
      entity: 'partner',
      entityId: id,
      regionCode: region.code,
      before,
      after: values,
    });
  });
  return getPartner(db, reader, id);
}
