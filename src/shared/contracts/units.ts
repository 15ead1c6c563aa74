/**
 * Help units (帮扶单位 / 派出单位: the central, provincial, city, county and township bodies that send cadres) and
 * partners (企业与合作社: enterprises and cooperatives paired with villages). A unit or partner belongs to the
 * region that registered it. A caller sees those registered inside its scope, those registered above it (the
 * nation, province and city whose units send cadres down into it; for partners, e.g. the county's enterprises
 * seen from its villages), and those linked to it (a cadre managed, a stationing or a pairing inside the scope) —
 * not another county's own units.
 */
import { z } from 'zod';
import { codesOf } from '../codes.ts';
import { PARTNER_KINDS, UNIT_KINDS, UNIT_LEVELS } from '../forces.ts';
import { contract } from './contract.ts';
import { ForcePaging, IdParam, listOf, optionalText, Phone, RegionCode, text, VersionField } from './fields.ts';

const tags = ['cadres'];

export const HelpUnitView = z.object({
  id: z.number(),
  name: z.string(),
  level: z.string(),
  kind: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  version: z.number(),
});
export type HelpUnitView = z.output<typeof HelpUnitView>;

/** A unit in the list, with what it does inside the caller's scope. */
export const HelpUnitItem = HelpUnitView.extend({
  /** Cadres of the unit managed in the scope. */
  cadres: z.number(),
  /** Villages of the scope it helps now (current stationings of its cadres, active unit–village pairings). */
  villages: z.number(),
});
export type HelpUnitItem = z.output<typeof HelpUnitItem>;

export const HelpUnitListQuery = z.object({
  region: RegionCode.optional(),
  level: z.enum(codesOf(UNIT_LEVELS)).optional(),
  kind: z.enum(codesOf(UNIT_KINDS)).optional(),
  q: z.string().trim().max(50).optional(),
  ...ForcePaging,
});
export type HelpUnitListQuery = z.output<typeof HelpUnitListQuery>;

export const HelpUnitInput = z.object({
  name: text(100),
  level: z.enum(codesOf(UNIT_LEVELS)),
  kind: z.enum(codesOf(UNIT_KINDS)),
  /** The registering region: the nation for central units, the province, city, county or township. */
  regionCode: RegionCode,
});
export type HelpUnitInput = z.output<typeof HelpUnitInput>;
export const HelpUnitPatch = HelpUnitInput.partial().extend(VersionField).strict();
export type HelpUnitPatch = z.output<typeof HelpUnitPatch>;

export const PartnerView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  contact: z.string().nullable(),
  /** Masked (139****2222). */
  phone: z.string().nullable(),
  /** Villages of the caller's scope it is paired with now. */
  villages: z.number(),
  version: z.number(),
});
export type PartnerView = z.output<typeof PartnerView>;

export const PartnerListQuery = z.object({
  region: RegionCode.optional(),
  kind: z.enum(codesOf(PARTNER_KINDS)).optional(),
  q: z.string().trim().max(50).optional(),
  ...ForcePaging,
});
export type PartnerListQuery = z.output<typeof PartnerListQuery>;

export const PartnerInput = z.object({
  name: text(100),
  kind: z.enum(codesOf(PARTNER_KINDS)),
  regionCode: RegionCode,
  contact: optionalText(50),
  /** Mobile or landline with area code; its mask sent back unchanged keeps the stored number. */
  phone: Phone,
});
export type PartnerInput = z.output<typeof PartnerInput>;
export const PartnerPatch = PartnerInput.partial().extend(VersionField).strict();
export type PartnerPatch = z.output<typeof PartnerPatch>;

export const helpUnits = {
  list: contract({
    method: 'GET',
    path: '/api/help-units',
    summary: '帮扶单位 Help units (registered in, above or linked to the scope)',
    tags,
    query: HelpUnitListQuery,
    response: listOf(HelpUnitItem),
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  create: contract({
    method: 'POST',
    path: '/api/help-units',
    summary: '新增帮扶单位 Create help unit',
    tags,
    body: HelpUnitInput,
    response: HelpUnitView,
    status: 201,
    permission: 'force.station',
    scope: { region: 'body', key: 'regionCode' },
  }),
  update: contract({
    method: 'PATCH',
    path: '/api/help-units/:id',
    summary: '修改帮扶单位 Update help unit (versioned)',
    tags,
    params: IdParam,
    body: HelpUnitPatch,
    response: HelpUnitView,
    permission: 'force.station',
    scope: 'row',
    versioned: true,
  }),
};

export const partners = {
  list: contract({
    method: 'GET',
    path: '/api/partners',
    summary: '企业与合作社 Partners (registered in, above or paired in the scope)',
    tags,
    query: PartnerListQuery,
    response: listOf(PartnerView),
    permission: 'force.read',
    scope: { region: 'query', key: 'region' },
  }),
  create: contract({
    method: 'POST',
    path: '/api/partners',
    summary: '新增合作主体 Create partner',
    tags,
    body: PartnerInput,
    response: PartnerView,
    status: 201,
    permission: 'force.write',
    scope: { region: 'body', key: 'regionCode' },
  }),
  update: contract({
    method: 'PATCH',
    path: '/api/partners/:id',
    summary: '修改合作主体 Update partner (versioned)',
    tags,
    params: IdParam,
    body: PartnerPatch,
    response: PartnerView,
    permission: 'force.write',
    scope: 'row',
    versioned: true,
  }),
};
