/**
 * Code lists shared by the server and the web app. Labels are bilingual: zh-CN first, en-US second.
 * Chinese terms also appear in docs/GLOSSARY.md.
 */

export type Bilingual = { zh: string; en: string };

/** The code type of a code list. */
export type CodeOf<L extends readonly { code: string }[]> = L[number]['code'];

/** The codes of a list, as a non-empty tuple for zod enums. */
export const codesOf = <L extends readonly { code: string }[]>(l: L) =>
  l.map((c) => c.code) as [CodeOf<L>, ...CodeOf<L>[]];

/** 区划级别 — level of an administrative region (plus 组, the village group/grid, and 全国). */
export const REGION_LEVELS = ['nation', 'province', 'city', 'county', 'township', 'village', 'group'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABELS: Record<RegionLevel, Bilingual> = {
  nation: { zh: '全国', en: 'Nation' },
  province: { zh: '省', en: 'Province' },
  city: { zh: '市', en: 'City' },
  county: { zh: '县', en: 'County' },
  township: { zh: '乡镇', en: 'Township' },
  village: { zh: '村', en: 'Village' },
  group: { zh: '村民小组', en: 'Group' },
};

/** Flags a region may carry; used later by exit and monitoring rules. */
export const REGION_FLAGS = [
  'poorCounty',
  'deepPovertyCounty',
  'extremelyPoorTownship',
  'poorVillage',
  'deepPovertyVillage',
  'western',
] as const;
export type RegionFlag = (typeof REGION_FLAGS)[number];

export const REGION_FLAG_LABELS: Record<RegionFlag, Bilingual> = {
  poorCounty: { zh: '贫困县', en: 'Poor county' },
  deepPovertyCounty: { zh: '深度贫困县', en: 'Deep-poverty county' },
  extremelyPoorTownship: { zh: '极贫乡镇', en: 'Extremely poor township' },
  poorVillage: { zh: '贫困村', en: 'Poor village' },
  deepPovertyVillage: { zh: '深度贫困村', en: 'Deep-poverty village' },
  western: { zh: '西部省份', en: 'Western province' },
};

/** Roles a user holds, each within a region scope. */
export const ROLES = ['admin', 'county', 'township', 'village', 'pairing_cadre', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, Bilingual> = {
  admin: { zh: '系统管理员', en: 'System administrator' },
  county: { zh: '县级（指挥部/组织部）', en: 'County (HQ / organisation dept.)' },
  township: { zh: '乡镇攻坚战区', en: 'Township battle zone' },
  village: { zh: '村指挥所', en: 'Village command post' },
  pairing_cadre: { zh: '帮扶责任人/网格员', en: 'Pairing cadre / grid member' },
  inspector: { zh: '督查（只读）', en: 'Inspector (read-only)' },
};

/** Typed permissions. Deny by default: a permission not granted to a role is refused. */
export const PERMISSIONS = [
  'region.read',
  'region.write',
  'region.flag',
  'command.read',
  'command.write',
  'person.read',
  'person.write',
  'household.read',
  'household.write',
  'pii.reveal',
  /** Sets a household's status outside the workflow: an import of historical data that says so (allowStatus). */
  'household.status',
  'policy.read', // the policy page, read-only (the values themselves any logged-in user may read)
  'policy.manage',
  'user.manage', // users of the scope, roles no higher than the own (shared/roles.ts)
  'audit.read',
  // help forces (帮扶力量)
  'force.read', // cadres, units, teams, stationing, attendance, pairings, measures
  'force.write', // cadre records, attendance, work logs, leave requests, insurance, funds, pairings, measures
  'force.station', // stationing and leader links, teams, units and partners (county organisation department)
  'recall.request',
  'recall.approve',
  'leave.approve', // township: short leave in its township; county: any leave in its county
  'force.assess', // assessments and honours
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** 指挥单元类型 — kinds of command unit in the command hierarchy (指挥体系). */
export const COMMAND_UNIT_KINDS = ['county_hq', 'thematic_group', 'battle_zone', 'command_post', 'grid'] as const;
export type CommandUnitKind = (typeof COMMAND_UNIT_KINDS)[number];

export const COMMAND_UNIT_KIND_LABELS: Record<CommandUnitKind, Bilingual> = {
  county_hq: { zh: '县作战指挥部', en: 'County command HQ' },
  thematic_group: { zh: '专项工作组', en: 'Thematic group' },
  battle_zone: { zh: '乡镇攻坚战区', en: 'Township battle zone' },
  command_post: { zh: '村指挥所', en: 'Village command post' },
  grid: { zh: '网格', en: 'Grid' },
};

/** The region level each command unit kind is bound to. */
export const COMMAND_UNIT_LEVEL: Record<CommandUnitKind, RegionLevel> = {
  county_hq: 'county',
  thematic_group: 'county',
  battle_zone: 'township',
  command_post: 'village',
  grid: 'group',
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, Bilingual> = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
};

/** Error codes of the API; the server maps each to one HTTP status (src/core/errors.ts). */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF',
  'NOT_FOUND',
  'CONFLICT',
  'VERSION_CONFLICT',
  'PRECONDITION_REQUIRED',
  'ACCOUNT_LOCKED',
  /** The user must change the password an administrator gave before anything else. */
  'PASSWORD_CHANGE_REQUIRED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Shape of every error body the API returns. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: { path: string; message: string }[];
    /** With VERSION_CONFLICT: the record as it is now (someone else saved first). */
    current?: unknown;
  };
}
