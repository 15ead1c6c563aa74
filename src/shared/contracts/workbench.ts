/**
 * 工作台 — the home page of every role: my to-do (counts of what waits for me, each opening its list) and my region
 * at a glance (the register's figures, the poverty incidence by year, the cadres stationed, each drilling to its
 * list). The entries come from the server's registry (src/core/modules/workbench/registry.ts): a module adds its
 * own there, the page renders what the registry returns. Scoped by `region` (absent: the caller's first scope).
 */
import { z } from 'zod';
import { contract } from './contract.ts';
import { RegionCode } from './fields.ts';
import { IncidenceYear, StatsRegion } from './stats.ts';

const tags = ['workbench'];

export const TODO_GROUPS = ['approval', 'overdue', 'gap'] as const;
export const FIGURE_UNITS = ['household', 'person', 'cadre', 'ratio'] as const;

const BilingualLabel = z.object({ zh: z.string(), en: z.string() });

/** Where a figure leads: the web page (filters in the URL) and the API call whose `field` is the same number. */
const Drill = {
  link: z.string(),
  api: z.string(),
  /** A dotted path into the API's answer: `total`, `total.persons`. */
  field: z.string(),
};

export const TodoItem = z.object({
  key: z.string(),
  group: z.enum(TODO_GROUPS),
  label: BilingualLabel,
  count: z.number(),
  /** 'caller': counted over the caller's whole scope (a list without a region, e.g. the leave inbox). */
  reach: z.enum(['region', 'caller']),
  ...Drill,
});
export type TodoItem = z.output<typeof TodoItem>;

export const WorkbenchTodo = z.object({ region: StatsRegion, items: z.array(TodoItem) });
export type WorkbenchTodo = z.output<typeof WorkbenchTodo>;

export const Figure = z.object({
  key: z.string(),
  label: BilingualLabel,
  unit: z.enum(FIGURE_UNITS),
  value: z.number(),
  ...Drill,
});
export type Figure = z.output<typeof Figure>;

export const WorkbenchGlance = z.object({
  region: StatsRegion,
  figures: z.array(Figure),
  /** From the first to the last year with records; each point opens the statistics of its year. */
  incidenceByYear: z.array(IncidenceYear.extend({ link: z.string() })),
});
export type WorkbenchGlance = z.output<typeof WorkbenchGlance>;

export const WorkbenchQuery = z.object({ region: RegionCode.optional() });

const region = { region: 'query', key: 'region' } as const;

export const workbench = {
  todo: contract({
    method: 'GET',
    path: '/api/workbench/todo',
    summary: '我的待办 My to-do: the registry’s entries the caller may see, with counts and links',
    tags,
    query: WorkbenchQuery,
    response: WorkbenchTodo,
    permission: 'region.read',
    scope: region,
  }),
  glance: contract({
    method: 'GET',
    path: '/api/workbench/glance',
    summary: '辖区概况 My region at a glance: headline figures and the poverty incidence by year',
    tags,
    query: WorkbenchQuery,
    response: WorkbenchGlance,
    permission: 'region.read',
    scope: region,
  }),
};
