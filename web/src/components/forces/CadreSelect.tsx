/** Searchable pickers over the help-force lists: cadres (GET /api/cadres?q=), help units (GET /api/help-units?q=). */
import { cadres, type CadreView } from '@shared/contracts/cadres';
import type { QueryInput } from '@shared/contracts/contract';
import { helpUnits, type HelpUnitListQuery } from '@shared/contracts/units';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { RemoteSelect, type RemoteSelectProps } from '../RemoteSelect';
import { paren } from '../../format';

export function cadreLabel(c: Pick<CadreView, 'name' | 'post' | 'unit'>): string {
  const extra = c.post ?? c.unit?.name;
  return extra ? `${c.name}${paren(extra)}` : c.name;
}

/** Cadres in a region's subtree (managed there or stationed there); `query` narrows them (e.g. active only). */
export function CadreSelect(
  props: RemoteSelectProps & {
    region?: string | null;
    query?: Omit<NonNullable<QueryInput<typeof cadres.list>>, 'region' | 'q' | 'page' | 'pageSize'>;
  },
) {
  const { t } = useI18n();
  const { region, query, ...rest } = props;
  return (
    <RemoteSelect
      placeholder={t('fa.cadreSearch')}
      {...rest}
      deps={[region ?? '', JSON.stringify(query ?? {})]}
      data-testid="cadre-select"
      load={async (q) =>
        (await call(cadres.list, { query: { ...query, region: region || undefined, q, pageSize: 20 } })).items.map(
          (c) => ({ value: c.id, label: cadreLabel(c) }),
        )
      }
    />
  );
}

/** Sending / helping units (派出单位) the user sees: of its region, above it, or helping in it. */
export function HelpUnitSelect(props: RemoteSelectProps & { level?: HelpUnitListQuery['level'] }) {
  const { t } = useI18n();
  const { level, ...rest } = props;
  return (
    <RemoteSelect
      placeholder={t('fa.unitSearch')}
      {...rest}
      deps={[level ?? '']}
      load={async (q) =>
        (await call(helpUnits.list, { query: { level, q, pageSize: 50 } })).items.map((u) => ({
          value: u.id,
          label: u.name,
        }))
      }
    />
  );
}
