/**
 * Cadres (干部): the command hierarchy's person record with the help-force fields. List, detail,
 * create, update and the audited reveal of phone and ID number (masked everywhere else).
 */
import type { Gender } from '../../../shared/codes.ts';
import type { CadreEducation, PoliticalStatus, StationRole } from '../../../shared/forces.ts';
import type { Actor } from '../../access/permissions.ts';
import { authorize, can, withinScope } from '../../access/scope.ts';
import { nowIso, type Db } from '../../db/index.ts';
import { conflict, forbidden } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { maskIdNumber, maskPhone } from '../../pii/mask.ts';
import { writeAudit } from '../audit/repo.ts';
import { requireRegion } from '../regions/service.ts';
import { withDecide } from './recalls.ts';
import { cadreMissing, listRange, refuse } from './common.ts';
import { todayInChina } from '../../clock.ts';
import {
  cadreRegions,
  findCadre,
  listCadres,
  recallQuery,
  stationsOf,
  toRecall,
  unitRef,
  type CadreRow,
  type Station,
} from './repo.ts';
import { ageOn, bornAfterForMaxAge, cadreProblems } from './rules.ts';

export interface CadreInput {
  name: string;
  gender?: Gender | null;
  birthDate?: string | null;
  idNumber?: string | null;
  education?: CadreEducation | null;
  politicalStatus?: PoliticalStatus | null;
  phone?: string | null;
  post?: string | null;
  rank?: string | null;
  unitId?: number | null;
  regionCode: string;
}

function cadreItem(r: CadreRow, stations: Station[], today: string) {
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
  };
}

export async function cadreList(
  db: Db,
  actor: Actor,
  q: {
    region?: string;
    role?: StationRole;
    q?: string;
    unitId?: number;
    active?: boolean;
    /** Current first secretaries and team cadres only (the statistics' "stationed"). */
    stationed?: boolean;
    /** Sent to a village (stationed role) since this year's 1 January (the statistics' "sent since"). */
    sentSince?: number;
    /** Aged at most this many years today. */
    maxAge?: number;
    /** With a bachelor's degree or higher (true) or below it (false). */
    bachelorOrHigher?: boolean;
    page: number;
    pageSize: number;
  },
) {
  const range = await listRange(db, actor, 'force.read', q.region);
  const today = todayInChina();
  const bornAfter = q.maxAge === undefined ? undefined : bornAfterForMaxAge(today, q.maxAge);
  const sentFrom = q.sentSince === undefined ? undefined : `${q.sentSince}-01-01`;
  const { total, rows, stations } = await listCadres(db, actor, { ...q, ...range, today, bornAfter, sentFrom });
  return { total, items: rows.map((r) => cadreItem(r, stations.get(r.id) ?? [], today)) };
}

/** A cadre is visible where the record is managed and where the cadre was stationed (403 elsewhere). */
async function loadVisible(db: Db, actor: Actor, id: number) {
  const row = await findCadre(db, id);
  if (!row) throw cadreMissing(id);
  const regions = await cadreRegions(db, row);
  if (!regions.some((code) => can(actor, 'force.read', code))) throw forbidden();
  return { row, regions };
}

/** A cadre with the whole history of stationings and recalls inside the actor's scope; phone and ID masked. */
export async function cadreDetail(db: Db, actor: Actor, id: number) {
  const { row, regions } = await loadVisible(db, actor, id);
  const today = todayInChina();
  const [stations, recalls] = await Promise.all([
    stationsOf(db, actor, [id], today, false),
    recallQuery(db)
      .where('c.person_id', '=', id)
      .$call(withinScope(actor, 'force.read', 'c.region_code'))
      .orderBy('c.requested_at', 'desc')
      .orderBy('c.id', 'desc')
      .execute(),
  ]);
  return {
    ...cadreItem(row, stations.get(id) ?? [], today),
    idNumber: maskIdNumber(row.id_number),
    recalls: recalls.map((r) => withDecide(actor, toRecall(r))),
    canEdit: can(actor, 'force.write', row.region_code),
    canReveal: regions.some((code) => can(actor, 'pii.reveal', code)),
  };
}

const isMasked = (v: string | null | undefined) => !!v && v.includes('*');

/** Validates a cadre (400 naming each field), keeping stored values sent back masked. */
async function prepare(db: Db, actor: Actor, input: CadreInput, stored?: CadreRow) {
  const region = await requireRegion(db, input.regionCode, 'regionCode');
  authorize(actor, 'force.write', region.code);
  let phone = input.phone ?? null;
  let idNumber = input.idNumber ?? null;
  const problems: [string, ReturnType<typeof msg>][] = [];
  // A masked value sent back unchanged keeps the stored one; any other masked value is refused.
  if (isMasked(phone)) {
    if (stored && maskPhone(stored.phone) === phone) phone = stored.phone;
    else problems.push(['phone', msg('请填写完整的电话号码', 'Enter the full phone number')]);
  }
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
    region,
    values: {
      region_code: region.code,
      name: input.name,
      gender: checked.gender,
      birth_date: checked.birthDate,
      id_number: keepId && !recheck ? idNumber : isMasked(idNumber) ? null : checked.idNumber,
      education: input.education ?? null,
      political_status: input.politicalStatus ?? null,
      phone,
      post: input.post ?? null,
      rank: input.rank ?? null,
      unit_id: input.unitId ?? null,
    },
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

export async function createCadre(db: Db, actor: Actor, input: CadreInput) {
  const { values } = await prepare(db, actor, input);
  const id = await db.transaction().execute(async (trx) => {
    await checkUniqueId(trx, values.id_number);
    const now = nowIso();
    const row = await trx
      .insertInto('person')
      .values({ ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'person',
      entityId: row.id,
      regionCode: values.region_code,
      after: values,
    });
    return row.id;
  });
  return cadreDetail(db, actor, id);
}

export async function updateCadre(db: Db, actor: Actor, id: number, patch: Partial<CadreInput>) {
  const before = await findCadre(db, id);
  if (!before) throw cadreMissing(id);
  authorize(actor, 'force.write', before.region_code);
  const pick = <K extends keyof CadreInput, V>(k: K, stored: V) => (patch[k] === undefined ? stored : patch[k]);
  const merged: CadreInput = {
    name: pick('name', before.name) as string,
    gender: pick('gender', before.gender) as Gender | null,
    birthDate: pick('birthDate', before.birth_date) as string | null,
    // Unchanged stored values travel masked, as the form received them.
    idNumber: pick('idNumber', maskIdNumber(before.id_number)) as string | null,
    education: pick('education', before.education) as CadreEducation | null,
    politicalStatus: pick('politicalStatus', before.political_status) as PoliticalStatus | null,
    phone: pick('phone', maskPhone(before.phone)) as string | null,
    post: pick('post', before.post) as string | null,
    rank: pick('rank', before.rank) as string | null,
    unitId: pick('unitId', before.unit_id) as number | null,
    regionCode: pick('regionCode', before.region_code) as string,
  };
  const { values } = await prepare(db, actor, merged, before);
  await db.transaction().execute(async (trx) => {
    await checkUniqueId(trx, values.id_number, id);
    await trx
      .updateTable('person')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, {
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
  return cadreDetail(db, actor, id);
}

/** The full phone and ID number, for a role allowed to see them (pii.reveal); the reveal is audited. */
export async function revealCadre(db: Db, actor: Actor, id: number) {
  const { row, regions } = await loadVisible(db, actor, id);
  const where = regions.find((code) => can(actor, 'pii.reveal', code));
  if (!where) throw forbidden(msg('无权查看完整个人信息', 'Not allowed to reveal personal data'));
  await writeAudit(db, actor, {
    action: 'reveal',
    entity: 'person',
    entityId: id,
    regionCode: row.region_code,
    after: { fields: ['idNumber', 'phone'] },
  });
  return { idNumber: row.id_number, phone: row.phone };
}
