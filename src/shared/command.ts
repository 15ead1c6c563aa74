/** Shapes of the command-hierarchy API (指挥体系), used by the server's queries and the web app. */
import type { CommandUnitKind } from './codes.ts';

export interface PersonRef {
  id: number;
  name: string;
  post: string | null;
}

/** A command unit as the API returns it. */
export interface CommandUnit {
  id: number;
  regionCode: string;
  regionName: string;
  kind: CommandUnitKind;
  name: string;
  parentId: number | null;
  parentName: string | null;
  commander: PersonRef | null;
  leader: PersonRef | null;
  memberCount: number;
}
