/**
 * Minimal ECharts wrapper: only the bar, line and pie charts with grid, tooltip and legend are registered, so the
 * bundle carries just those (loaded with the statistics page and the workbench). Resizes with its container.
 */
import { useEffect, useRef } from 'react';
import type { CSSProperties } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
>;

interface Props {
  option: ChartOption;
  height?: number;
  style?: CSSProperties;
  /** Click on a bar or a slice: its data index. */
  onClick?: (dataIndex: number) => void;
  testId?: string;
}

export function EChart({ option, height = 280, style, onClick, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el);
    chart.current = c;
    c.on('click', (p) => {
      if (typeof p.dataIndex === 'number') clickRef.current?.(p.dataIndex);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined, ...style }}
      data-testid={testId}
    />
  );
}
