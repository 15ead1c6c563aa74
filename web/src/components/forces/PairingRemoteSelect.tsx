/**
 * A Select that searches another module's list endpoint as the user types (helping units, partners: GET
 * /api/help-units, /api/partners, not yet declared as contracts — households go through their contract).
 */
import { api } from '../../api';
import type { Query } from '../../api';
import type { Page } from '../../types';
import { RemoteSelect, type RemoteOption, type RemoteSelectProps } from '../RemoteSelect';

export type { RemoteOption };

interface Props<T> extends RemoteSelectProps {
  /** API path of a list answering { items, total } and taking ?q=. */
  path: string;
  query?: Query;
  toOption: (row: T) => RemoteOption;
}

export function PairingRemoteSelect<T>({ path, query, toOption, ...rest }: Props<T>) {
  return (
    <RemoteSelect
      {...rest}
      deps={[path, JSON.stringify(query ?? {})]}
      load={async (q) => (await api.get<Page<T>>(path, { ...query, q, pageSize: 20 })).items.map(toOption)}
    />
  );
}
