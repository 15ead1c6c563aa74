/**
 * The app's table: antd's Table with the defaults a wide table needs, so that no page clips one at 1280 px. It
 * scrolls horizontally inside its card (never the page), and its first column (what the row is) and its actions
 * column (key 'actions') stay fixed at the edges while the middle scrolls. ListTab renders every list with it;
 * other tables use it directly.
 */
import { Table } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';

/** The key that marks a column of row actions (kept fixed on the right). */
export const ACTIONS_KEY = 'actions';

/**
 * The columns with the first fixed left and the actions column fixed right, unless a column says otherwise
 * (`fixed: false` keeps it scrolling).
 */
export function fitColumns<T>(columns: TableColumnsType<T> | undefined): TableColumnsType<T> | undefined {
  if (!columns || columns.length < 3) return columns;
  return columns.map((c, i) => {
    if (c.fixed !== undefined) return c;
    if (i === 0) return { ...c, fixed: 'left' as const };
    if (c.key === ACTIONS_KEY) return { ...c, fixed: 'right' as const };
    return c;
  });
}

export function DataTable<T>(props: TableProps<T>) {
  const { columns, scroll, size = 'middle', ...rest } = props;
  return <Table<T> size={size} {...rest} columns={fitColumns(columns)} scroll={{ x: 'max-content', ...scroll }} />;
}
