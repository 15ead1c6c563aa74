/** Shapes of the JSON the API returns (see the contract in docs / the server's OpenAPI). */
import type { Gender, RegionFlag, RegionLevel } from '@shared/codes';

/** A role held in a scope (declared in the auth contract, as are Me, the users and the audit rows). */
export type { RoleAssignment } from '@shared/contracts/auth';

export type RegionFlags = Record<RegionFlag, boolean>;

export interface RegionSummary {
  code: string;
  shortCode: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  childCount: number;
  isLeaf: boolean;
  flags: RegionFlags;
}

export interface RegionRef {
  code: string;
  name: string;
  level: RegionLevel;
}

import type { CommandUnit, PersonRef } from '@shared/command';

export type { CommandUnit, PersonRef };

export interface CommandMember {
  id: number;
  duty: string | null;
  person: { id: number; name: string; post: string | null; phone: string | null };
}

export interface CommandUnitDetail extends CommandUnit {
  members: CommandMember[];
}

export interface RegionDetail {
  code: string;
  shortCode: string;
  name: string;
  officialName: string;
  level: RegionLevel;
  parentCode: string | null;
  flags: RegionFlags;
  ancestors: RegionRef[];
  counts: { children: number; townships: number; villages: number; groups: number };
  commandUnits: CommandUnit[];
}

export interface Person {
  id: number;
  regionCode: string;
  regionName: string;
  name: string;
  gender: Gender | null;
  phone: string | null;
  post: string | null;
}

export interface Items<T> {
  items: T[];
}

export interface Page<T> extends Items<T> {
  total: number;
}
