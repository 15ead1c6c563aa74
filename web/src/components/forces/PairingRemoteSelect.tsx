/**
 * A Select that searches a list contract as the user types (helping units, partners): the contract's query takes
 * `q` and `pageSize`, its answer `{ items, total }`.
 */
import type { CallInput, ContractSpec } from '@shared/contracts/contract';
import { call } from '../../api';
import type { RowOf } from '../common/useList';
import { RemoteSelect, type RemoteOption, type RemoteSelectProps } from '../RemoteSelect';

export type { RemoteOption };

interface Props<C extends ContractSpec> extends RemoteSelectProps {
  /** A list contract searched by `q`. */
  contract: C;
  toOption: (row: RowOf<C>) => RemoteOption;
}

export function PairingRemoteSelect<C extends ContractSpec>({ contract, toOption, ...rest }: Props<C>) {
  return (
    <RemoteSelect
      {...rest}
      deps={[contract.path]}
      load={async (q) => {
        const page = (await call(contract, { query: { q, pageSize: 20 } } as unknown as CallInput<C>)) as {
          items: RowOf<C>[];
        };
        return page.items.map(toOption);
      }}
    />
  );
}
