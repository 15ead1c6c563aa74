/**
 * The command hierarchy (指挥体系): command units bound to regions — the county HQ and thematic groups, township
 * battle zones, village command posts, grids — with their commanders and members, and the people they are made of.
 */
import { z } from 'zod';
import { COMMAND_UNIT_KINDS, GENDERS } from '../codes.ts';
import { contract } from './contract.ts';
import { Id, IdParam, listOf, optionalText, Paging, Phone, QueryId, RegionCode, text, VersionField } from './fields.ts';

const tags = ['command'];

/** A person as a unit shows it: name and post. */
export const PersonRef = z.object({ id: z.number(), name: z.string(), post: z.string().nullable() });
export type PersonRef = z.output<typeof PersonRef>;

/** 指挥单元 — a command unit as lists and the region page show it. */
export const CommandUnit = z.object({
  id: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.enum(COMMAND_UNIT_KINDS),
  name: z.string(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  commander: PersonRef.nullable(),
  /** 包片县领导 — the county leader of a township battle zone. */
  leader: PersonRef.nullable(),
  memberCount: z.number(),
  version: z.number(),
});
export type CommandUnit = z.output<typeof CommandUnit>;

/** A member of a unit: the person (phone masked) and the duty in the unit. */
export const CommandMember = z.object({
  id: z.number(),
  duty: z.string().nullable(),
  person: PersonRef.extend({ phone: z.string().nullable() }),
});
export type CommandMember = z.output<typeof CommandMember>;

export const CommandUnitDetail = CommandUnit.extend({ members: z.array(CommandMember) });
export type CommandUnitDetail = z.output<typeof CommandUnitDetail>;

export const UnitInput = z.object({
  regionCode: RegionCode,
  kind: z.enum(COMMAND_UNIT_KINDS),
  name: text(100),
  parentId: Id.nullable().optional(),
  commanderId: Id.nullable().optional(),
  leaderId: Id.nullable().optional(),
});
export type UnitInput = z.output<typeof UnitInput>;
/** An edit names only the fields it changes, and the version it read. */
export const UnitPatch = UnitInput.partial().extend(VersionField).strict();
export type UnitPatch = z.output<typeof UnitPatch>;

export const UnitListQuery = z.object({
  region: RegionCode.optional(),
  kind: z.enum(COMMAND_UNIT_KINDS).optional(),
  ...Paging,
});
export type UnitListQuery = z.output<typeof UnitListQuery>;

export const MemberInput = z.object({ personId: Id, duty: optionalText(100) });
export const MemberAdded = z.object({
  id: z.number(),
  unitId: z.number(),
  personId: z.number(),
  duty: z.string().nullable(),
});

/** 人员 — a person of the command hierarchy (phone masked; the full number through reveal, audited). */
export const Person = z.object({
  id: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  gender: z.string().nullable(),
  phone: z.string().nullable(),
  post: z.string().nullable(),
  version: z.number(),
});
export type Person = z.output<typeof Person>;

export const PersonInput = z.object({
  regionCode: RegionCode,
  name: text(50),
  gender: z.enum(GENDERS).nullable().optional(),
  /** Mobile or landline with area code; the masked value sent back unchanged keeps the stored number. */
  phone: Phone,
  post: optionalText(100),
});
export type PersonInput = z.output<typeof PersonInput>;
export const PersonPatch = PersonInput.partial().extend(VersionField).strict();
export type PersonPatch = z.output<typeof PersonPatch>;

export const PeopleQuery = z.object({
  region: RegionCode.optional(),
  q: z.string().trim().max(50).optional(),
  ...Paging,
});
export type PeopleQuery = z.output<typeof PeopleQuery>;

/** A unit's version for a delete (or If-Match; a DELETE may come without a body). */
const VersionBody = z.object(VersionField).strict().nullish();

export const commandUnits = {
  list: contract({
    method: 'GET',
    path: '/api/command-units',
    summary: '指挥单元列表 Command units (in a region subtree, or everything in scope)',
    tags,
    query: UnitListQuery,
    response: listOf(CommandUnit),
    permission: 'command.read',
    scope: { region: 'query', key: 'region' },
  }),
  detail: contract({
    method: 'GET',
    path: '/api/command-units/:id',
    summary: '指挥单元 Command unit with its members',
    tags,
    params: IdParam,
    response: CommandUnitDetail,
    permission: 'command.read',
    scope: 'row',
  }),
  create: contract({
    method: 'POST',
    path: '/api/command-units',
    summary: '新建指挥单元 Create unit',
    tags,
    body: UnitInput,
    response: CommandUnit,
    status: 201,
    permission: 'command.write',
    scope: { region: 'body', key: 'regionCode' },
  }),
  update: contract({
    method: 'PATCH',
    path: '/api/command-units/:id',
    summary: '修改指挥单元 Update unit (send the version read: body version or If-Match; 409 when stale)',
    tags,
    params: IdParam,
    body: UnitPatch,
    response: CommandUnit,
    permission: 'command.write',
    scope: 'row',
    versioned: true,
  }),
  remove: contract({
    method: 'DELETE',
    path: '/api/command-units/:id',
    summary: '删除指挥单元 Delete unit (send the version read; 409 when stale)',
    tags,
    params: IdParam,
    body: VersionBody,
    response: null,
    permission: 'command.write',
    scope: 'row',
    versioned: true,
  }),
  addMember: contract({
    method: 'POST',
    path: '/api/command-units/:id/members',
    summary: '添加成员 Add member (a person once per unit: 409)',
    tags,
    params: IdParam,
    body: MemberInput,
    response: MemberAdded,
    status: 201,
    permission: 'command.write',
    scope: 'row',
  }),
  removeMember: contract({
    method: 'DELETE',
    path: '/api/command-units/:id/members/:memberId',
    summary: '移除成员 Remove member',
    tags,
    params: IdParam.extend({ memberId: QueryId }),
    response: null,
    permission: 'command.write',
    scope: 'row',
  }),
};

export const people = {
  list: contract({
    method: 'GET',
    path: '/api/people',
    summary: '人员列表 People (phones masked)',
    tags,
    query: PeopleQuery,
    response: listOf(Person),
    permission: 'person.read',
    scope: { region: 'query', key: 'region' },
  }),
  create: contract({
    method: 'POST',
    path: '/api/people',
    summary: '新增人员 Create person',
    tags,
    body: PersonInput,
    response: Person,
    status: 201,
    permission: 'person.write',
    scope: { region: 'body', key: 'regionCode' },
  }),
  update: contract({
    method: 'PATCH',
    path: '/api/people/:id',
    summary: '修改人员 Update person (send the version read: body version or If-Match; 409 when stale)',
    tags,
    params: IdParam,
    body: PersonPatch,
    response: Person,
    permission: 'person.write',
    scope: 'row',
    versioned: true,
  }),
  reveal: contract({
    method: 'POST',
    path: '/api/people/:id/reveal',
    summary: '查看完整电话（留痕）Reveal phone (audited)',
    tags,
    params: IdParam,
    response: z.object({ phone: z.string().nullable() }),
    permission: 'person.read',
    scope: 'row',
  }),
};
