import { PassThrough } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { households as c } from '../../shared/contracts/households.ts';
import { householdCard } from '../../core/modules/households/card.ts';
import {
  householdDetail,
  householdList,
  revealHousehold,
  saveHousehold,
} from '../../core/modules/households/service.ts';
import { exportHouseholdList } from '../../core/modules/households/export-list.ts';
import { exportHouseholds } from '../../core/modules/imports/export.ts';
import { helpOfHousehold } from '../../core/modules/pairings/plan.ts';
import { bind } from '../registrar.ts';
import type { Deps } from './deps.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The body of a streamed file reply: `write` fills it after the reply began; a failure is logged and ends it. */
function streamed(req: FastifyRequest, write: (out: PassThrough) => Promise<unknown>, what: string): PassThrough {
  const out = new PassThrough();
  write(out).catch((err: unknown) => {
    req.log.error({ err }, `${what} failed`);
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return out;
}

/** The household register: list, detail, create, update (versioned), card, the two exports, reveal. */
export const householdBindings = ({ database: { db } }: Deps) => [
  bind(c.list, ({ query }, { scope }) => householdList(db, scope, query)),
  bind(c.detail, ({ params }, { scope }) => householdDetail(db, scope, params.id)),
  bind(c.create, ({ body }, { scope }) => saveHousehold(db, scope, body)),
  bind(c.update, ({ params, body }, { scope, version }) =>
    saveHousehold(db, scope.withPermission('household.write'), body, { id: params.id, version }),
  ),
  bind(c.card, async ({ params, query }, { scope }) => {
    const { buffer, filename } = await householdCard(db, scope, params.id, {
      mask: query.mask,
      help: helpOfHousehold,
    });
    return { body: buffer, type: DOCX, filename };
  }),
  bind(c.export, async ({ query }, { scope, req }) => {
    const prepared = await exportHouseholds(db, scope, query);
    const out = streamed(req, prepared.write, 'household export');
    const day = new Date().toISOString().slice(0, 10);
    return {
      body: out,
      type: query.format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8',
      filename: `建档立卡户-${prepared.region.name}-${day}.${query.format}`,
      asciiName: `households-${prepared.region.code}-${day}.${query.format}`,
    };
  }),
  bind(c.exportList, async ({ query }, { scope, req }) => {
    const { region: _region, ...options } = query;
    const prepared = await exportHouseholdList(db, scope, options);
    const out = streamed(req, prepared.write, 'household list export');
    const day = new Date().toISOString().slice(0, 10);
    return {
      body: out,
      type: XLSX,
      filename: `农户台账-${prepared.region.name}-${day}.xlsx`,
      asciiName: `household-list-${prepared.region.code}-${day}.xlsx`,
    };
  }),
  bind(c.reveal, ({ params, body }, { scope }) => revealHousehold(db, scope, params.id, body?.memberId)),
];
