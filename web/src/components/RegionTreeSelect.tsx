/** Lazy TreeSelect of regions within the user's scope; value is a 12/15-digit region code. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { regions } from '@shared/contracts/regions';
import { call } from '../api';
import { useI18n } from '../i18n';
import { buildRegionNodes, union, useRegionTree } from './useRegionTree';

interface Props {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
}

interface Node {
  key: string;
  value: string;
  title: string;
  isLeaf: boolean;
  children?: Node[];
}

export function RegionTreeSelect({ value, onChange, placeholder, style, allowClear, disabled, id }: Props) {
  const { t } = useI18n();
  const { roots, kids, loadChildren, reveal } = useRegionTree();
  const [expanded, setExpanded] = useState<string[]>([]);
  const tried = useRef(new Set<string>());

  const known = useMemo(() => {
    const codes = new Set((roots ?? []).map((r) => r.code));
    Object.values(kids).forEach((list) => list.forEach((r) => codes.add(r.code)));
    return codes;
  }, [roots, kids]);

  const mounted = useRef(true);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // A value deeper than what is loaded: load the path down to it so the label shows.
  useEffect(() => {
    if (!roots || !value || known.has(value) || tried.current.has(value)) return;
    tried.current.add(value);
    call(regions.detail, { params: { code: value } })
      .then(async (d) => {
        const keys = await reveal(d.ancestors.map((a) => a.code));
        if (!mounted.current) return;
        setExpanded((e) => union(e, keys));
        if (d.code !== value) onChangeRef.current?.(d.code);
      })
      .catch(() => undefined);
  }, [roots, value, known, reveal]);

  const treeData = useMemo(
    () =>
      buildRegionNodes<Node>(roots ?? [], kids, (r, children) => ({
        key: r.code,
        value: r.code,
        title: r.name,
        isLeaf: r.isLeaf,
        children,
      })),
    [roots, kids],
  );

  return (
    <TreeSelect
      id={id}
      style={style}
      value={value || undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      treeData={treeData}
      loadData={(node) => loadChildren(String(node.value)).then(() => undefined)}
      treeExpandedKeys={expanded}
      onTreeExpand={(keys) => setExpanded(keys.map(String))}
      placeholder={placeholder ?? t('region.select')}
      allowClear={allowClear}
      disabled={disabled}
      loading={!roots}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 280 } } }}
    />
  );
}
