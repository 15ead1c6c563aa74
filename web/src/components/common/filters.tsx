/**
 * The filters of a list toolbar, kept in the URL (`useUrlFilters`): a select of one code (or several) and a name search. A URL
 * value that is not among the options shows as empty (the list's contract ignores it too).
 */
import { Input, Select } from 'antd';
import type { useUrlFilters } from './urlFilters';

type Filters = ReturnType<typeof useUrlFilters>;

export function FilterSelect({
  filters,
  name,
  placeholder,
  options,
  width = 160,
  testId,
  multiple,
}: {
  filters: Filters;
  name: string;
  placeholder: string;
  options: { value: string; label: string }[];
  width?: number;
  testId?: string;
  /** Several codes, kept comma-separated in the URL (`role=team_leader,team_member`). */
  multiple?: boolean;
}) {
  const raw = filters.get(name);
  if (multiple) {
    const values = (raw ?? '').split(',').filter((v) => options.some((o) => o.value === v));
    return (
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ minWidth: width }}
        placeholder={placeholder}
        value={values}
        onChange={(v: string[]) => filters.set({ [name]: v.length ? v.join(',') : undefined })}
        options={options}
        data-testid={testId}
      />
    );
  }
  return (
    <Select
      allowClear
      style={{ width }}
      placeholder={placeholder}
      value={options.some((o) => o.value === raw) ? raw : undefined}
      onChange={(v?: string) => filters.set({ [name]: v })}
      options={options}
      data-testid={testId}
    />
  );
}

/** A search box (trimmed; empty clears the filter); it follows the URL when the filter changes elsewhere. */
export function FilterSearch({
  filters,
  name = 'q',
  placeholder,
  width = 220,
  testId,
}: {
  filters: Filters;
  name?: string;
  placeholder: string;
  width?: number;
  testId?: string;
}) {
  const value = filters.get(name);
  return (
    <Input.Search
      key={value}
      allowClear
      style={{ width }}
      placeholder={placeholder}
      defaultValue={value}
      onSearch={(v) => filters.set({ [name]: v.trim() })}
      data-testid={testId}
    />
  );
}
