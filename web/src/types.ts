/** Shapes of the JSON the API returns (see the contract in docs / the server's OpenAPI). */

/** A role held in a scope (declared in the auth contract, as are Me, the users and the audit rows). */
export type { RoleAssignment } from '@shared/contracts/auth';

// Regions, command units and people: the shapes of their contracts (src/shared/contracts), re-exported for the
// pages of other modules that still import them from here.
export type { RegionDetail, RegionFlags, RegionRef, RegionSummary } from '@shared/contracts/regions';
export type { CommandMember, CommandUnit, CommandUnitDetail, Person, PersonRef } from '@shared/contracts/command';

export interface Items<T> {
  items: T[];
}

export interface Page<T> extends Items<T> {
  total: number;
}
