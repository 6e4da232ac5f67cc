import { REQUEST_SOURCE_LABELS } from '@gridloop/domain/dist/requests/sources';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { components } from '../../api/schema';

// Tree-shaken: only the bar chart, its grid, legend and tooltip, drawn as SVG (its texts stay in the page).
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type IntakeByDay = components['schemas']['IntakeByDayDto'];

/** 11/26 for 2026-11-26: the axis shows month and day. */
const dayLabel = (day: string) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;

/** The series the chart draws, one per source with its Chinese label (also on the element as data-series, for tests and tools). */
export function chartSeries(intake: IntakeByDay) {
  return intake.series.map((line) => ({ source: line.source, name: REQUEST_SOURCE_LABELS[line.source], data: line.counts }));
}

/** Stacked bars of the last 30 days' intake by source (getMyRecentIntake); a whole number of matters on the axis. */
export default function IntakeChart({ intake }: { intake: IntakeByDay }) {
  const element = useRef<HTMLDivElement>(null);
  const series = chartSeries(intake);

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, null, { renderer: 'svg', locale: 'ZH' });
    chart.setOption({
      // A desk reads the figures, it does not watch them grow (and a screenshot shows the real heights).
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 24 },
      xAxis: { type: 'category', data: intake.days.map(dayLabel) },
      yAxis: { type: 'value', minInterval: 1, name: '件' },
      series: series.map(({ name, data }) => ({ type: 'bar', stack: 'intake', name, data, emphasis: { focus: 'series' } })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
    // The figures are drawn once per answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [intake]);

  return <div ref={element} className="intake-chart" data-series={JSON.stringify(series)} style={{ height: 320 }} />;
}
