/** Lazy region tree (county → township → village → group) starting at the user's scope roots. */
import { useEffect, useMemo, useState } from 'react';
import { Empty, Spin, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { ApiResult } from './ApiResult';
import { buildRegionNodes, union, useRegionTree } from './useRegionTree';
import { useI18n } from '../i18n';
import { flagColor } from './RegionTags';
import { REGION_FLAGS, REGION_FLAG_LABELS } from '@shared/codes';
import type { RegionFlags, RegionSummary } from '@shared/contracts/regions';

interface Props {
  /** Canonical code of the region on screen. */
  selected?: string;
  /** Ancestor codes of the selected region, top-down (expanded automatically). */
  path: string[];
  onSelect: (code: string) => void;
  /** The region on screen; its flags are copied into the tree when they change. */
  current?: { code: string; flags: RegionFlags };
}

function NodeTitle({ region }: { region: RegionSummary }) {
  const { L } = useI18n();
  const flag = REGION_FLAGS.find((f) => region.flags?.[f]);
  return (
    <span title={region.code}>
      {region.name}
      {flag && (
        <span style={{ marginInlineStart: 6, fontSize: 12, color: flagColor(flag) }}>
          {L(REGION_FLAG_LABELS[flag])}
        </span>
      )}
    </span>
  );
}

export function RegionTree({ selected, path, onSelect, current }: Props) {
  const { t } = useI18n();
  const { roots, rootsError, kids, loadChildren, reveal, patchFlags } = useRegionTree();
  const [expanded, setExpanded] = useState<string[]>([]);

  useEffect(() => {
    if (current) patchFlags(current.code, current.flags);
  }, [current, patchFlags]);

  // A single root (the usual case for county/township/village users) opens by itself.
  useEffect(() => {
    const only = roots?.length === 1 ? roots[0] : undefined;
    if (only && !only.isLeaf) {
      loadChildren(only.code).then(
        () => setExpanded((e) => union(e, [only.code])),
        () => undefined,
      );
    }
  }, [roots, loadChildren]);

  const pathKey = path.join(',');
  useEffect(() => {
    if (!roots || !pathKey) return;
    let alive = true;
    reveal(pathKey.split(',')).then(
      (keys) => alive && setExpanded((e) => union(e, keys)),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [roots, pathKey, reveal]);

  const treeData = useMemo(
    () =>
      buildRegionNodes<TreeDataNode>(roots ?? [], kids, (r, children) => ({
        key: r.code,
        title: <NodeTitle region={r} />,
        isLeaf: r.isLeaf,
        children,
      })),
    [roots, kids],
  );

  if (rootsError) return <ApiResult error={rootsError} />;
  if (!roots) return <Spin style={{ display: 'block', padding: 24 }} />;
  if (roots.length === 0) return <Empty description={t('region.noRoots')} />;
  return (
    <div data-testid="region-tree">
      <Tree
        blockNode
        showLine
        treeData={treeData}
        loadData={(node) => loadChildren(String(node.key)).then(() => undefined)}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys.map(String))}
        selectedKeys={selected ? [selected] : []}
        onSelect={(_, info) => onSelect(String(info.node.key))}
      />
    </div>
  );
}
