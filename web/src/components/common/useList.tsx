/**
 * Reading through contracts in components: `useCall` loads one call (reloading when its input changes), `useList`
 * a list page whose paging lives in the URL (?page=&pageSize=), and `ListTab` lays out a toolbar, notices and the
 * table (a DataTable: horizontal scroll, first and actions columns fixed) with the URL pagination.
 */
import type { ReactNode } from 'react';
import { Flex } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import type { CallInput, ContractSpec, QueryInput, ResponseOf } from '@shared/contracts/contract';
import { call } from '../../api';
import { useAsync, type AsyncState } from '../../hooks';
import { useI18n } from '../../i18n';
import { ApiResult } from '../ApiResult';
import { DataTable } from './DataTable';
import { urlPagination, useUrlFilters } from './urlFilters';

/** Loads `call(contract, input)`; `null` input skips loading. Reloads when the input changes. */
export function useCall<C extends ContractSpec>(contract: C, input: CallInput<C> | null): AsyncState<ResponseOf<C>> {
  const key = input === null ? null : JSON.stringify(input);
  return useAsync(input === null ? null : (signal) => call(contract, input, { signal }), [contract.path, key]);
}

type ListResponse = { items: unknown[]; total: number };
export type RowOf<C extends ContractSpec> = ResponseOf<C> extends { items: (infer R)[] } ? R : never;

export type ListState<C extends ContractSpec> = AsyncState<ResponseOf<C>> & {
  filters: ReturnType<typeof useUrlFilters>;
};

/**
 * A list page of `contract` with the given query (filters), paged from the URL; `null` skips loading (e.g. while
 * the default region is not known yet).
 */
export function useList<C extends ContractSpec>(
  contract: C,
  query: Omit<NonNullable<QueryInput<C>>, 'page' | 'pageSize'> | null,
): ListState<C> {
  const filters = useUrlFilters();
  const input =
    query === null
      ? null
      : ({ query: { ...query, page: filters.page, pageSize: filters.pageSize } } as unknown as CallInput<C>);
  return { ...useCall(contract, input), filters };
}

export function ListTab<C extends ContractSpec>({
  list,
  columns,
  toolbar,
  actions,
  notice,
  testId,
  rowKey = 'id',
  table,
}: {
  list: ListState<C>;
  columns: TableColumnsType<RowOf<C>>;
  /** Filters, left. */
  toolbar?: ReactNode;
  /** Buttons, right (e.g. 新建). */
  actions?: ReactNode;
  /** Alerts between the toolbar and the table. */
  notice?: ReactNode;
  testId?: string;
  rowKey?: string;
  table?: Omit<TableProps<RowOf<C>>, 'columns' | 'dataSource' | 'pagination' | 'loading'>;
}) {
  const { t } = useI18n();
  const data = list.data as ListResponse | undefined;
  return (
    <>
      {(toolbar || actions) && (
        <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
          <div>{toolbar}</div>
          <div>{actions}</div>
        </Flex>
      )}
      {notice}
      {list.error ? (
        <ApiResult error={list.error} onRetry={list.reload} />
      ) : (
        <DataTable<RowOf<C>>
          rowKey={rowKey}
          data-testid={testId}
          loading={list.loading}
          columns={columns}
          dataSource={(data?.items ?? []) as RowOf<C>[]}
          pagination={urlPagination(list.filters, data?.total, (total) => t('common.total', { total }))}
          {...table}
        />
      )}
    </>
  );
}
