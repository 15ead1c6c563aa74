/** Searchable person picker (people.list: ?region=&q=); value is the person id. */
import { useMemo } from 'react';
import { people, type PersonRef } from '@shared/contracts/command';
import { call } from '../api';
import { useI18n } from '../i18n';
import { RemoteSelect } from './RemoteSelect';
import { personLabel } from './unitColumns';

interface Props {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** Search people in this region's subtree. */
  region?: string | null;
  /** The currently chosen person, so the label shows before any search. */
  initial?: PersonRef | null;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  'data-testid'?: string;
}

export function PersonSelect({ region, initial, placeholder, ...rest }: Props) {
  const { t } = useI18n();
  const first = useMemo(() => (initial ? { value: initial.id, label: personLabel(initial) } : null), [initial]);
  return (
    <RemoteSelect
      {...rest}
      initial={first}
      placeholder={placeholder ?? t('person.searchPlaceholder')}
      deps={[region ?? '']}
      load={async (q) =>
        (
          await call(people.list, { query: { region: region || undefined, q: q || undefined, pageSize: 20 } })
        ).items.map((p) => ({
          value: p.id,
          label: personLabel(p),
        }))
      }
    />
  );
}
