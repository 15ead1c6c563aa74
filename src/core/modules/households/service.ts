import type { HouseholdStatus } from '../../../shared/register.ts';
import type { HouseholdDetail, HouseholdListQuery } from '../../../shared/contracts/households.ts';
import { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { expectVersion } from '../../db/rows.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import { msg } from '../../i18n.ts';
import { maskIdNumber, maskPhone } from '../../pii/mask.ts';
import { writeAudit } from '../audit/repo.ts';
import { requireRegion } from '../regions/service.ts';
import { loadValidationContext } from './context.ts';
import { findHousehold, findHouseholdDetail, latestYear, listHouseholds, membersOf } from './repo.ts';
import { householdProblems } from './rules.ts';
import { workflowChangeProblems, workflowChanges } from './status.ts';
import type { HouseholdInput } from './types.ts';
import { saveHouseholds } from './write.ts';

const missing = (id: number) => notFound(msg(`农户不存在：${id}`, `Household not found: ${id}`));
const causesOf = (s: string) => (s ? s.split(',') : []);
const flag = (v: number | null) => (v === null ? null : Number(v) === 1);

/** A page of the households in the scope (a region, a group, or everything the caller may read). */
export async function householdList(db: Db, scope: Scope, q: HouseholdListQuery) {
  const year = q.year ?? (await latestYear(db));
  const { total, rows } = await listHouseholds(db, scope, { ...q, year });
  return {
    total,
    year,
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      regionCode: r.region_code,
      villageName: r.village_name,
      groupName: r.group_name,
      headName: r.head_name,
      persons: r.persons,
      status: r.status as HouseholdStatus,
      attribute: r.attribute,
      mainCause: r.main_cause,
      otherCauses: causesOf(r.other_causes),
      housingGrade: r.housing_grade,
      identifiedYear: r.identified_year,
      exitedYear: r.exited_year,
      perCapitaIncome: r.per_capita_income === null ? null : Number(r.per_capita_income),
    })),
  };
}

type DetailRow = NonNullable<Awaited<ReturnType<typeof findHouseholdDetail>>>;

/** A household's stored row as the detail shows it; ID numbers and phones through `pii` (masked, or as they are). */
function presentDetail(h: DetailRow, pii: (kind: 'id' | 'phone', v: string | null) => string | null) {
  const { members, years, events } = h;
  return {
    id: h.id,
    code: h.code,
    countyCode: h.county_code,
    regionCode: h.region_code,
    villageName: h.village_name ?? h.region_code,
    groupCode: h.group_code,
    groupName: h.group_name ?? null,
    headName: h.head_name,
    address: h.address,
    phone: pii('phone', h.phone),
    housingGrade: h.housing_grade,
    attribute: h.attribute,
    mainCause: h.main_cause,
    otherCauses: causesOf(h.other_causes),
    status: h.status as HouseholdStatus,
    identifiedYear: h.identified_year,
    exitedYear: h.exited_year,
    persons: h.persons,
    version: h.version,
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      idNumber: pii('id', m.id_number),
      duplicateId: Number(m.duplicate_id) === 1,
      gender: m.gender,
      birthDate: m.birth_date,
      relation: m.relation,
      ethnicity: m.ethnicity,
      education: m.education,
      studentStatus: m.student_status,
      health: m.health,
      labour: m.labour,
      workStatus: m.work_status,
      migrantMonths: m.migrant_months,
      migrantPlace: m.migrant_place,
      medicalInsurance: Number(m.medical_insurance) === 1,
      pensionInsurance: Number(m.pension_insurance) === 1,
      dibao: Number(m.dibao) === 1,
      partyMember: Number(m.party_member) === 1,
      phone: pii('phone', m.phone),
    })),
    years: years.map((y) => ({
      year: y.year,
      status: y.status as HouseholdStatus,
      persons: y.persons,
      incomeWage: Number(y.income_wage),
      incomeBusiness: Number(y.income_business),
      incomeTransfer: Number(y.income_transfer),
      incomeProperty: Number(y.income_property),
      productionCost: Number(y.production_cost),
      netIncome: Number(y.net_income),
      perCapitaIncome: Number(y.per_capita_income),
      foodClothing: flag(y.food_clothing),
      education: flag(y.education),
      medical: flag(y.medical),
      housing: flag(y.housing),
      water: flag(y.water),
    })),
    events: events.map((e) => ({
      id: e.id,
      workflow: e.workflow,
      step: e.step,
      date: e.event_date,
      actorName: e.actor_name,
      note: e.note,
      attachments: e.attachments ? (JSON.parse(e.attachments) as unknown[]) : [],
    })),
  };
}

const masked = (kind: 'id' | 'phone', v: string | null) => (kind === 'id' ? maskIdNumber(v) : maskPhone(v));

/** A household with members, yearly records and events (one query); ID numbers and phones masked. */
export async function householdDetail(db: Db, scope: Scope, id: number): Promise<HouseholdDetail> {
  const h = await findHouseholdDetail(db, id);
  if (!h) throw missing(id);
  scope.authorize(h.region_code);
  return {
    ...presentDetail(h, masked),
    canReveal: scope.can('pii.reveal', h.region_code),
    canEdit: scope.can('household.write', h.region_code),
  };
}

/**
 * What an audit row keeps of a household, before and after an edit alike — its fields, members and yearly records
 * as the detail names them, unmasked (the audit list masks for its reader), without what is only for display —
 * so that the log can show the fields that changed.
 */
async function auditImage(db: Db, id: number) {
  const h = await findHouseholdDetail(db, id);
  if (!h) return null;
  const d = presentDetail(h, (_, v) => v);
  return {
    code: d.code,
    regionCode: d.regionCode,
    groupCode: d.groupCode,
    headName: d.headName,
    address: d.address,
    phone: d.phone,
    housingGrade: d.housingGrade,
    attribute: d.attribute,
    mainCause: d.mainCause,
    otherCauses: d.otherCauses,
    status: d.status,
    identifiedYear: d.identifiedYear,
    exitedYear: d.exitedYear,
    members: d.members.map(({ id: _id, duplicateId: _dup, ...m }) => m),
    years: d.years.map(({ persons: _persons, ...y }) => y),
  };
}

/**
 * Validates one household (400 naming every field), checks the scope (household.write), writes it with its audit
 * record (before and after in one shape). An update names the version it read (`edit.version`): 409 with the
 * current record when it moved on; it may not change the status, identification or exit year — the workflow's
 * (400 naming each field, status.ts). Returns the id and the new version.
 */
export async function saveHousehold(
  db: Db,
  scope: Scope,
  input: HouseholdInput,
  edit?: { id: number; version: number | undefined },
): Promise<{ id: number; version: number }> {
  const village = await requireRegion(db, input.villageCode, 'villageCode');
  if (village.level !== 'village')
    throw new AppError('VALIDATION', msg('输入有误', 'Invalid input'), [
      { path: 'villageCode', message: msg('应为村级区划代码', 'Must be a village code') },
    ]);
  scope.authorize(village.code);
  const existingId = edit?.id;
  if (existingId !== undefined) input = await keepMaskedValues(db, existingId, input);
  const problems = householdProblems({ ...input, villageCode: village.code }, await loadValidationContext(db));
  if (problems.length) throw new AppError('VALIDATION', msg('输入有误', 'Invalid input'), problems);
  const countyCode = village.code.slice(0, 6).padEnd(12, '0');
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('household')
      .selectAll()
      .where('county_code', '=', countyCode)
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (existingId === undefined && existing)
      throw conflict(msg(`户编号已存在：${input.code}`, `Household code exists: ${input.code}`));
    if (edit) {
      const current = await findHousehold(trx, edit.id);
      if (!current) throw missing(edit.id);
      scope.authorize(current.region_code);
      await expectVersion(trx, 'household', edit.id, edit.version, () =>
        householdDetail(trx, scope.withPermission('household.read'), edit.id),
      );
      if (current.code !== input.code || current.county_code !== countyCode)
        throw conflict(msg('户编号不可修改', 'The household code cannot change'));
      const stored = {
        status: current.status as HouseholdStatus,
        identifiedYear: current.identified_year,
        exitedYear: current.exited_year,
      };
      const refused = workflowChangeProblems(workflowChanges(stored, input));
      if (refused.length) throw new AppError('VALIDATION', msg('输入有误', 'Invalid input'), refused);
    }
    const before = existing ? await auditImage(trx, existing.id) : null;
    const ids = await saveHouseholds(trx, countyCode, [{ ...input, villageCode: village.code }]);
    const id = ids.get(input.code)!;
    await writeAudit(trx, scope.actor, {
      action: before ? 'update' : 'create',
      entity: 'household',
      entityId: id,
      regionCode: village.code,
      before,
      after: await auditImage(trx, id),
    });
    const saved = await trx.selectFrom('household').select('version').where('id', '=', id).executeTakeFirstOrThrow();
    return { id, version: saved.version };
  });
}

/**
 * Forms get ID numbers and phones masked; when an edit sends a masked value back unchanged, the stored
 * value is kept (matched by the masked form, preferring the member of the same name).
 */
async function keepMaskedValues(db: Db, id: number, input: HouseholdInput): Promise<HouseholdInput> {
  const current = await findHousehold(db, id);
  if (!current) return input;
  const stored = await membersOf(db, id);
  const masked = (v: string | null | undefined) => !!v && v.includes('*');
  const restore = (
    value: string | null | undefined,
    name: string,
    pick: (m: (typeof stored)[number]) => string | null,
    mask: (v: string | null) => string | null,
  ) => {
    if (!masked(value)) return value;
    const candidates = stored.filter((m) => mask(pick(m)) === value);
    const match = candidates.find((m) => m.name === name) ?? candidates[0];
    return (match && pick(match)) ?? value;
  };
  return {
    ...input,
    phone: masked(input.phone) && maskPhone(current.phone) === input.phone ? current.phone : input.phone,
    members: input.members.map((m) => ({
      ...m,
      idNumber: restore(m.idNumber, m.name, (x) => x.id_number, maskIdNumber),
      phone: restore(m.phone, m.name, (x) => x.phone, maskPhone),
    })),
  };
}

/** Shows a member's full ID number or phone (or the household phone) to a role allowed to; audited. */
export async function revealHousehold(db: Db, scope: Scope, id: number, memberId?: number) {
  const h = await findHousehold(db, id);
  if (!h) throw missing(id);
  scope.authorize(h.region_code);
  scope.withPermission('pii.reveal').authorize(h.region_code);
  const actor = scope.actor;
  const member = memberId
    ? await db
        .selectFrom('household_member')
        .selectAll()
        .where('id', '=', memberId)
        .where('household_id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (memberId && !member) throw notFound(msg(`成员不存在：${memberId}`, `Member not found: ${memberId}`));
  await writeAudit(db, actor, {
    action: 'reveal',
    entity: member ? 'household_member' : 'household',
    entityId: member?.id ?? id,
    regionCode: h.region_code,
    after: { fields: member ? ['idNumber', 'phone'] : ['phone'] },
  });
  return member ? { idNumber: member.id_number, phone: member.phone } : { idNumber: null, phone: h.phone };
}
