/** Searchable pickers over the help-force lists: cadres (GET /api/cadres?q=), help units (GET /api/help-units?q=). */
import { api } from '../../api';
import type { Query } from '../../api';
import { useI18n } from '../../i18n';
import type { Page } from '../../types';
import { RemoteSelect, type RemoteSelectProps } from '../RemoteSelect';
import type { Cadre, HelpUnit } from './CadreTypes';

export function cadreLabel(c: Pick<Cadre, 'name' | 'post' | 'unit'>): string {
  const extra = c.post ?? c.unit?.name;
  return extra ? `${c.name}（${extra}）` : c.name;
}

/** Cadres in a region's subtree (managed there or stationed there). */
export function CadreSelect(props: RemoteSelectProps & { region?: string | null; query?: Query }) {
  const { t } = useI18n();
  const { region, query, ...rest } = props;
  return (
    <RemoteSelect
      placeholder={t('fa.cadreSearch')}
      {...rest}
      deps={[region ?? '', JSON.stringify(query ?? {})]}
      data-testid="cadre-select"
      load={async (q) =>
        (await api.get<Page<Cadre>>('/cadres', { ...query, region, q, pageSize: 20 })).items.map((c) => ({
          value: c.id,
          label: cadreLabel(c),
        }))
      }
    />
  );
}

/** Sending / helping units (派出单位). */
export function HelpUnitSelect(props: RemoteSelectProps & { level?: string }) {
  const { t } = useI18n();
  const { level, ...rest } = props;
  return (
    <RemoteSelect
      placeholder={t('fa.unitSearch')}
      {...rest}
      deps={[level ?? '']}
      load={async (q) =>
        (await api.get<Page<HelpUnit>>('/help-units', { level, q, pageSize: 50 })).items.map((u) => ({
          value: u.id,
          label: u.name,
        }))
      }
    />
  );
}
