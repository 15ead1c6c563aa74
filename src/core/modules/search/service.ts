/**
 * The global search (全局搜索) over the lists the caller already has: households through the household list's own
 * filter (head's name or code), cadres through the cadre list's, regions through the region search; persons by name
 * or ID number. Each kind is searched in the caller's scope for its permission and left empty without it.
 */
import { CadreListQuery } from '../../../shared/contracts/cadres.ts';
import { HouseholdListQuery } from '../../../shared/contracts/households.ts';
import type { SearchQuery, SearchResult } from '../../../shared/contracts/search.ts';
import type { Scope } from '../../access/scope.ts';
import type { Db } from '../../db/index.ts';
import { maskIdNumber } from '../../pii/mask.ts';
import { writeAudit } from '../audit/repo.ts';
import { cadreList } from '../cadres/service.ts';
import { searchMembers } from '../households/repo.ts';
import { householdList } from '../households/service.ts';
import { findRegions } from '../regions/repo.ts';
import { searchRegions } from '../regions/service.ts';
import { personQuery } from './rules.ts';

export async function globalSearch(db: Db, scope: Scope, q: SearchQuery): Promise<SearchResult> {
  const register = scope.tryPermission('household.read');
  const forces = scope.tryPermission('force.read');
  const page = { page: 1, pageSize: q.limit };
  const [households, persons, cadres, regions] = await Promise.all([
    register ? householdList(db, register, { ...HouseholdListQuery.parse({ q: q.q }), ...page }) : null,
    register ? searchPersons(db, register, q.q, q.limit) : [],
    forces ? cadreList(db, forces, { ...CadreListQuery.parse({ q: q.q }), ...page }) : null,
    searchRegions(db, scope, { q: q.q, limit: q.limit }),
  ]);
  const parents = new Map(
    (await findRegions(db, [...new Set(regions.items.map((r) => r.parentCode).filter((c) => c !== null))])).map((r) => [
      r.code,
      r.name,
    ]),
  );
  return {
    households: (households?.items ?? []).map((h) => ({
      id: h.id,
      code: h.code,
      headName: h.headName,
      villageName: h.villageName,
      groupName: h.groupName,
      status: h.status,
    })),
    persons,
    cadres: (cadres?.items ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      post: c.post,
      regionName: c.regionName,
    })),
    regions: regions.items.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      parentName: r.parentCode ? (parents.get(r.parentCode) ?? null) : null,
    })),
  };
}

/**
 * Persons by name or ID number. A full ID number finds its holder only where the caller may reveal personal data
 * (shown in full, each one audited as a reveal); elsewhere it is matched like its mask — the first 6 and last 4
 * characters, which every reader sees anyway — and shown masked.
 */
async function searchPersons(db: Db, scope: Scope, text: string, limit: number): Promise<SearchResult['persons']> {
  const query = personQuery(text);
  const view = (m: Awaited<ReturnType<typeof searchMembers>>[number], revealed: boolean) => ({
    memberId: m.id,
    householdId: m.household_id,
    householdCode: m.household_code,
    name: m.name,
    relation: m.relation,
    idNumber: revealed ? m.id_number : maskIdNumber(m.id_number),
    revealed,
    villageName: m.village_name,
  });
  if (query.kind !== 'id') return (await searchMembers(db, scope, query.match, limit)).map((m) => view(m, false));

  const reveal = scope.tryPermission('pii.reveal');
  const exact = reveal ? await searchMembers(db, reveal, { idNumber: query.idNumber }, limit) : [];
  for (const m of exact)
    await writeAudit(db, scope.actor, {
      action: 'reveal',
      entity: 'household_member',
      entityId: m.id,
      regionCode: m.region_code,
      after: { fields: ['idNumber'], via: 'search' },
    });
  const found = new Set(exact.map((m) => m.id));
  const masked = (await searchMembers(db, scope, query.masked, limit)).filter(
    (m) => !found.has(m.id) && !reveal?.covers(m.region_code),
  );
  return [...exact.map((m) => view(m, true)), ...masked.map((m) => view(m, false))].slice(0, limit);
}
