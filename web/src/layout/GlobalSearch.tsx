/**
 * The header's global search (GET /api/search): households by code or head's name, persons by name or ID number,
 * cadres and regions by name — inside the caller's scope, grouped by kind; choosing one opens its page. Asks from
 * the second character on, a moment after typing stops.
 */
import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Tag, Typography } from 'antd';
import { LoadingOutlined, SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { REGION_LEVEL_LABELS } from '@shared/codes';
import { search, type SearchResult } from '@shared/contracts/search';
import { call } from '../api';
import { useI18n } from '../i18n';
import { StatusTag } from '../components/households/codes';

const DELAY_MS = 300;

interface Option {
  value: string;
  label: React.ReactNode;
  to: string;
}

export function GlobalSearch() {
  const { t, L } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [loading, setLoading] = useState(false);
  const asked = useRef(0);

  useEffect(() => {
    const q = text.trim();
    const n = ++asked.current;
    if (q.length < 2) {
      setResult(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    const timer = setTimeout(() => {
      call(search.global, { query: { q } })
        .then((r) => n === asked.current && setResult(r))
        .catch(() => n === asked.current && setResult(null))
        .finally(() => n === asked.current && setLoading(false));
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const group = (title: string, options: Option[]) =>
    options.length ? [{ label: <Typography.Text strong>{title}</Typography.Text>, options }] : [];
  const r = result;
  const options = r
    ? [
        ...group(
          t('search.households'),
          r.households.map((h) => ({
            value: `household:${h.id}`,
            to: `/households/${h.id}`,
            label: (
              <span data-testid={`search-household-${h.id}`}>
                {h.headName} <Typography.Text type="secondary">{h.code}</Typography.Text> · {h.villageName}
                {h.groupName ? ` ${h.groupName}` : ''} <StatusTag status={h.status} />
              </span>
            ),
          })),
        ),
        ...group(
          t('search.persons'),
          r.persons.map((p) => ({
            value: `person:${p.memberId}`,
            to: `/households/${p.householdId}`,
            label: (
              <span data-testid={`search-person-${p.memberId}`}>
                {p.name} <Typography.Text type="secondary">{p.idNumber ?? ''}</Typography.Text>
                {p.revealed && (
                  <Tag color="orange" style={{ marginLeft: 4 }}>
                    {t('search.revealed')}
                  </Tag>
                )}{' '}
                · {p.villageName} {p.householdCode}
              </span>
            ),
          })),
        ),
        ...group(
          t('search.cadres'),
          r.cadres.map((c) => ({
            value: `cadre:${c.id}`,
            to: `/forces/cadres/${c.id}`,
            label: (
              <span data-testid={`search-cadre-${c.id}`}>
                {c.name}{' '}
                <Typography.Text type="secondary">{[c.post, c.regionName].filter(Boolean).join(' · ')}</Typography.Text>
              </span>
            ),
          })),
        ),
        ...group(
          t('search.regions'),
          r.regions.map((g) => ({
            value: `region:${g.code}`,
            to: `/regions/${g.code}`,
            label: (
              <span data-testid={`search-region-${g.code}`}>
                {g.name}{' '}
                <Typography.Text type="secondary">
                  {L(REGION_LEVEL_LABELS[g.level])}
                  {g.parentName ? ` · ${g.parentName}` : ''}
                </Typography.Text>
              </span>
            ),
          })),
        ),
      ]
    : [];
  const targets = new Map(options.flatMap((g) => g.options.map((o) => [o.value, o.to] as const)));
  const q = text.trim();

  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={(v: string) => setText(v)}
      onSelect={(value: string) => {
        const to = targets.get(value);
        setText('');
        if (to) navigate(to);
      }}
      notFoundContent={
        q.length === 0 ? null : q.length < 2 ? t('search.min') : loading ? t('common.loading') : t('search.none')
      }
      popupMatchSelectWidth={440}
      style={{ width: 260 }}
      placeholder={t('search.placeholder')}
      allowClear
      prefix={loading ? <LoadingOutlined /> : <SearchOutlined />}
      data-testid="global-search"
    />
  );
}
