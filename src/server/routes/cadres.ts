import { cadres } from '../../shared/contracts/cadres.ts';
import { recalls, stations, teams } from '../../shared/contracts/teams.ts';
import { helpUnits, partners } from '../../shared/contracts/units.ts';
import { createPartner, partnerList, updatePartner } from '../../core/modules/cadres/partners.ts';
import { decideRecall, recallList, requestRecall } from '../../core/modules/cadres/recalls.ts';
import { cadreDetail, cadreList, createCadre, revealCadre, updateCadre } from '../../core/modules/cadres/service.ts';
import { createStation, endStation, stationDetail, stationList } from '../../core/modules/cadres/stations.ts';
import { createTeam, teamDetail, teamList, updateTeam } from '../../core/modules/cadres/teams.ts';
import { createHelpUnit, helpUnitList, updateHelpUnit } from '../../core/modules/cadres/units.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

/** The help forces' core: cadres, help units and partners, work teams, stationing and recalls. */
export const cadreBindings = ({ database: { db } }: Deps) => [
  bind(cadres.list, ({ query }, { scope }) => cadreList(db, scope, query)),
  bind(cadres.detail, ({ params }, { scope }) => cadreDetail(db, scope, params.id)),
  bind(cadres.create, ({ body }, { scope }) => createCadre(db, scope, body)),
  bind(cadres.update, ({ params, body }, { scope, version }) => updateCadre(db, scope, params.id, body, version)),
  bind(cadres.reveal, ({ params }, { scope }) => revealCadre(db, scope, params.id)),

  bind(helpUnits.list, ({ query }, { scope }) => helpUnitList(db, scope, query)),
  bind(helpUnits.create, ({ body }, { scope }) => createHelpUnit(db, scope, body)),
  bind(helpUnits.update, ({ params, body }, { scope, version }) => updateHelpUnit(db, scope, params.id, body, version)),
  bind(partners.list, ({ query }, { scope }) => partnerList(db, scope, query)),
  bind(partners.create, ({ body }, { scope }) => createPartner(db, scope, body)),
  bind(partners.update, ({ params, body }, { scope, version }) => updatePartner(db, scope, params.id, body, version)),

  bind(teams.list, ({ query }, { scope }) => teamList(db, scope, query)),
  bind(teams.detail, ({ params }, { scope }) => teamDetail(db, scope, params.id)),
  bind(teams.create, ({ body }, { scope }) => createTeam(db, scope, body)),
  bind(teams.update, ({ params, body }, { scope, version }) => updateTeam(db, scope, params.id, body, version)),

  bind(stations.list, ({ query }, { scope }) => stationList(db, scope, query)),
  bind(stations.detail, ({ params }, { scope }) => stationDetail(db, scope, params.id)),
  bind(stations.create, ({ body }, { scope }) => createStation(db, scope, body)),
  bind(stations.end, ({ params, body }, { scope, version }) => endStation(db, scope, params.id, body, version)),

  bind(recalls.list, ({ query }, { scope }) => recallList(db, scope, query)),
  bind(recalls.request, ({ body }, { scope }) => requestRecall(db, scope, body)),
  bind(recalls.decide, ({ params, body }, { scope, version }) => decideRecall(db, scope, params.id, body, version)),
];
