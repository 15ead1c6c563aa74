/**
 * Cadres (干部): the command hierarchy's person record with the help-force fields. List, detail, create, update
 * (versioned: the command hierarchy's /api/people edits the same row and bumps the same version) and the audited
 * reveal of phone and ID number (masked everywhere else).
 */
import type {
  CadreDetail,
  CadreInput,
  CadreListQuery,
  CadrePatch,
  CadreView,
  StationView,
} from '../../../shared/contracts/cadres.ts';
import { Scope } from '../../access/scope.ts';
import { todayInChina } from '../../clock.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { bumpVersion } from '../../db/rows.ts';
import { conflict, forbidden } from '../../errors.ts';
import { msg, type Msg } from '../../i18n.ts';
import { maskIdNumber, maskPhone } from '../../pii/mask.ts';
import { writeAudit } from '../audit/repo.ts';
import { requireRegion } from '../regions/service.ts';
import { cadreRegions, findCadre, listCadres, type CadreRow } from './cadre-repo.ts';
import { cadreMissing, isMasked, keptPhone, refuse } from './common.ts';
import { withDecide } from './recalls.ts';
import { recallQuery, stationsOf, toRecall, unitRef } from './repo.ts';
import { ageOn, bornAfterForMaxAge, cadreProblems } from './rules.ts';

export type { CadreInput };

function cadreItem(r: CadreRow, stations: StationView[], today: string): CadreView {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    age: r.birth_date ? ageOn(r.birth_date, today) : null,
    education: r.education,
    politicalStatus: r.political_status,
    phone: maskPhone(r.phone),
    post: r.post,
    rank: r.rank,
    unit: unitRef(r.unit_id, r.unit_name, r.unit_level),
    regionCode: r.region_code,
    regionName: r.region_name ?? r.region_code,
    stations,
    version: r.version,
  };
}

/** A page of the cadres managed or stationed in the scope, with their current stationings in the caller's scope. */
export async function cadreList(db: Db, scope: Scope, q: CadreListQuery) {
  const today = todayInChina();
  const filter = {
    ...q,
    today,
    bornAfter: q.maxAge === undefined ? undefined : bornAfterForMaxAge(today, q.maxAge),
    sentFrom: q.sentSince === undefined ? undefined : `${q.sentSince}-01-01`,
  };
  const { total, rows } = await listCadres(db, scope, filter, Scope.of(scope.actor, 'force.read'));
  return { total, items: rows.map((r) => cadreItem(r, r.stations, today)) };
}

/** A cadre is visible where the record is managed and where the cadre was stationed (403 elsewhere). */
async function loadVisible(db: Db, scope: Scope, id: number) {
  const row = await findCadre(db, id);
  if (!row) throw cadreMissing(id);
  const regions = await cadreRegions(db, row);
  if (!regions.some((code) => scope.covers(code))) throw forbidden();
  return { row, regions };
}

/** A cadre with the whole history of stationings and recalls inside the scope; phone and ID masked. */
export async function cadreDetail(db: Db, scope: Scope, id: number): Promise<CadreDetail> {
  const { row, regions } = await loadVisible(db, scope, id);
  const today = todayInChina();
  const [stations, recalls] = await Promise.all([
    stationsOf(db, scope, [id], today, false),
    recallQuery(db)
      .where('c.person_id', '=', id)
      .$call(scope.where('c.region_code'))
      .orderBy('c.requested_at', 'desc')
      .orderBy('c.id', 'desc')
      .execute(),
  ]);
  return {
    ...cadreItem(row, stations.get(id) ?? [], today),
    idNumber: maskIdNumber(row.id_number),
    recalls: recalls.map((r) => withDecide(scope, toRecall(r))),
    canEdit: scope.can('force.write', row.region_code),
    canReveal: regions.some((code) => scope.can('pii.reveal', code)),
  };
}

/** Validates a cadre (400 naming each field), keeping stored values sent back masked. */
async function prepare(db: Db, scope: Scope, input: CadreInput, stored?: CadreRow) {
  const region = await requireRegion(db, input.regionCode, 'regionCode');
  scope.authorize(region.code);
  let idNumber = input.idNumber ?? null;
  const problems: [string, Msg][] = [];
  const phone = keptPhone(input.phone, stored?.phone);
  if ('problem' in phone) problems.push(['phone', phone.problem]);
  const keepId = isMasked(idNumber) && !!stored && maskIdNumber(stored.id_number) === idNumber;
  if (keepId) idNumber = stored!.id_number;
  else if (isMasked(idNumber)) problems.push(['idNumber', msg('请填写完整的身份证号', 'Enter the full ID number')]);
  // A stored number kept unchanged is checked again only against a changed birth date or gender
  // (records from before the checks stay editable).
  const recheck =
    keepId && ((input.birthDate ?? null) !== stored!.birth_date || (input.gender ?? null) !== stored!.gender);
  const checked = cadreProblems(
    {
      birthDate: input.birthDate ?? null,
      idNumber: (keepId && !recheck) || isMasked(idNumber) ? null : idNumber,
      gender: input.gender ?? null,
    },
    todayInChina(),
  );
  problems.push(...checked.problems);
  if (input.unitId !== null && input.unitId !== undefined) {
    const unit = await db.selectFrom('help_unit').select('id').where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) problems.push(['unitId', msg(`帮扶单位不存在：${input.unitId}`, `Unknown help unit: ${input.unitId}`)]);
  }
  refuse(problems);
  return {
    region_code: region.code,
    name: input.name,
    gender: checked.gender,
    birth_date: checked.birthDate,
    id_number: keepId && !recheck ? idNumber : isMasked(idNumber) ? null : checked.idNumber,
    education: input.education ?? null,
    political_status: input.politicalStatus ?? null,
    phone: 'phone' in phone ? phone.phone : null,
    post: input.post ?? null,
    rank: input.rank ?? null,
    unit_id: input.unitId ?? null,
  };
}

/** One ID number, one cadre record (409 when another cadre has it). */
async function checkUniqueId(db: Db, idNumber: string | null, selfId?: number) {
  if (!idNumber) return;
  const other = await db
    .selectFrom('person')
    .select(['id', 'name'])
    .where('id_number', '=', idNumber)
    .$if(selfId !== undefined, (qb) => qb.where('id', '!=', selfId!))
    .executeTakeFirst();
  if (other)
    throw conflict(
      msg(`身份证号已被其他干部使用（编号 ${other.id}）`, `Another cadre has this ID number (id ${other.id})`),
    );
}

/** Creates a cadre managed in `input.regionCode` (force.write there). */
export async function createCadre(db: Db, scope: Scope, input: CadreInput): Promise<CadreDetail> {
  const values = await prepare(db, scope, input);
  const id = await db.transaction().execute(async (trx) => {
    await checkUniqueId(trx, values.id_number);
    const now = nowIso();
    const row = await trx
      .insertInto('person')
      .values({ ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, scope.actor, {
      action: 'create',
      entity: 'person',
      entityId: row.id,
      regionCode: values.region_code,
      after: values,
    });
    return row.id;
  });
  return cadreDetail(db, scope.withPermission('force.read'), id);
}

/**
 * Changes the fields named in `patch` (the others keep their stored values; masked phone and ID number sent back
 * unchanged keep the stored ones). `version` is the one the caller read: 409 with the cadre as it is now when it
 * moved on, 428 without one. Imports pass the version they read in the same transaction.
 */
export async function updateCadre(
  db: Db,
  scope: Scope,
  id: number,
  patch: Omit<CadrePatch, 'version'>,
  version: number | undefined,
): Promise<CadreDetail> {
  const before = await findCadre(db, id);
  if (!before) throw cadreMissing(id);
  scope.authorize(before.region_code);
  const pick = <K extends keyof CadreInput>(k: K, stored: CadreInput[K]): CadreInput[K] =>
    patch[k] === undefined ? stored : (patch[k] as CadreInput[K]);
  const merged: CadreInput = {
    name: pick('name', before.name),
    gender: pick('gender', before.gender as CadreInput['gender']),
    birthDate: pick('birthDate', before.birth_date),
    // Unchanged stored values travel masked, as the form received them.
    idNumber: pick('idNumber', maskIdNumber(before.id_number)),
    education: pick('education', before.education as CadreInput['education']),
    politicalStatus: pick('politicalStatus', before.political_status as CadreInput['politicalStatus']),
    phone: pick('phone', maskPhone(before.phone)),
    post: pick('post', before.post),
    rank: pick('rank', before.rank),
    unitId: pick('unitId', before.unit_id),
    regionCode: pick('regionCode', before.region_code),
  };
  const values = await prepare(db, scope, merged, before);
  const reader = scope.withPermission('force.read');
  await db.transaction().execute(async (trx) => {
    await bumpVersion(trx, 'person', id, version, () => cadreDetail(trx, reader, id));
    await checkUniqueId(trx, values.id_number, id);
    await trx
      .updateTable('person')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope.actor, {
      action: 'update',
      entity: 'person',
      entityId: id,
      regionCode: values.region_code,
      before: {
        region_code: before.region_code,
        name: before.name,
        gender: before.gender,
        birth_date: before.birth_date,
        id_number: before.id_number,
        education: before.education,
        political_status: before.political_status,
        phone: before.phone,
        post: before.post,
        rank: before.rank,
        unit_id: before.unit_id,
      },
      after: values,
    });
  });
  return cadreDetail(db, reader, id);
}

/** The full phone and ID number, for a role allowed to see them (pii.reveal); the reveal is audited. */
export async function revealCadre(db: Db, scope: Scope, id: number) {
  const { row, regions } = await loadVisible(db, scope, id);
  if (!regions.some((code) => scope.can('pii.reveal', code)))
    throw forbidden(msg('无权查看完整个人信息', 'Not allowed to reveal personal data'));
  await writeAudit(db, scope.actor, {
    action: 'reveal',
    entity: 'person',
    entityId: id,
    regionCode: row.region_code,
    after: { fields: ['idNumber', 'phone'] },
  });
  return { idNumber: row.id_number, phone: row.phone };
}
