import { Text, View } from '@tarojs/components';
import { labelsOf, paintBars, type Bar, type Series } from './bars';
import { ChartCanvas } from './chart-canvas';
import './charts.css';

export type { Bar, Series };

export interface BarChartProps {
  /** The canvas id: unique on the page. */
  id: string;
  title: string;
  bars: Bar[];
  /** The series in stacking order with their colours; without, one red series. */
  series?: Series[];
  /** Pixels per bar row (one row per label). */
  rowHeight?: number;
}

/** Axes, padding and (with series) the legend around the bars, in pixels. */
function chromeHeight(series?: Series[]): number {
  return 40 + (series ? 28 : 0);
}

/**
 * A titled bar chart (F2 on a canvas). Kept in the staff subpackage with the chart library, so F2
 * never lands in the main package.
 */
export function BarChart({ id, title, bars, series, rowHeight = 32 }: BarChartProps) {
  const rows = labelsOf(bars).length;
  const height = chromeHeight(series) + rowHeight * Math.max(1, rows);
  return (
    <View className="chart-card">
      <Text className="chart-title">{title}</Text>
      {bars.length === 0 ? (
        <Text className="chart-empty">没有数据</Text>
      ) : (
        <ChartCanvas id={id} height={height} dataKey={JSON.stringify(bars)} paint={(surface) => paintBars(surface, bars, series)} />
      )}
    </View>
  );
}
