/** @jsxImportSource @antv/f2 */
// F2's own JSX (the pragma above): these elements describe a chart, not React components.
import { Axis, Canvas, Chart, Interval, Legend, TextGuide } from '@antv/f2';
import type { ChartSurface, Drawn } from './surface';

/** One bar, or one part of a stacked bar (`series` names the part). */
export interface Bar {
  label: string;
  value: number;
  series?: string;
}

export interface Series {
  name: string;
  color: string;
}

const RED = '#b3191f';
const INK = '#1a1a1a';
const FONT_SIZE = 13;

/** The labels in the order given, once each. */
export function labelsOf(bars: Bar[]): string[] {
  return [...new Set(bars.map((bar) => bar.label))];
}

/**
 * The count axis: whole numbers from 0, one step apart, at most five, the last past `max`. F2's
 * own evenly spread ticks, rounded, read 0, 2, 3, 5, 6.
 */
export function countTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 4));
  const last = Math.max(1, Math.ceil(max / step)) * step;
  return Array.from({ length: last / step + 1 }, (_, i) => i * step);
}

/**
 * Horizontal bars with F2: labels down the left in the order given, the total at the end of each
 * bar; with `series`, the parts stacked in their colours under a legend. Drawn once (no
 * animation, nothing to tap).
 */
export function paintBars(surface: ChartSurface, bars: Bar[], series?: Series[]): Drawn {
  const labels = labelsOf(bars);
  const totals = labels.map((label) => ({
    label,
    value: bars.filter((bar) => bar.label === label).reduce((sum, bar) => sum + bar.value, 0),
  }));
  const most = Math.max(1, ...totals.map((total) => total.value));
  // Room after the longest bar for its number.
  const ticks = countTicks(most + Math.max(1, Math.ceil(most * 0.15)));
  const scale = {
    // The first label on top (a transposed axis runs bottom-up).
    label: { type: 'cat' as const, values: [...labels].reverse() },
    value: { min: 0, max: ticks[ticks.length - 1], ticks, nice: false, formatter: (value: number) => String(value) },
  };
  const tree = (
    <Canvas {...surface} animate={false} padding={[8, 32, 8, 8]}>
      <Chart data={bars} coord={{ transposed: true }} scale={scale}>
        <Axis field="label" style={{ label: { fontSize: FONT_SIZE, fill: INK } }} />
        <Axis field="value" style={{ label: { fontSize: 11, fill: '#666666' }, grid: { stroke: '#eeeeee' } }} />
        {series ? (
          <Interval x="label" y="value" adjust="stack" color={{ field: 'series', range: series.map((s) => s.color) }} sizeRatio={0.6} />
        ) : (
          <Interval x="label" y="value" color={RED} sizeRatio={0.6} />
        )}
        {series ? <Legend position="top" nameStyle={{ fontSize: FONT_SIZE, fill: INK }} /> : null}
        {totals.map((total) => (
          <TextGuide records={[total]} content={String(total.value)} offsetX={6} style={{ fill: INK, fontSize: FONT_SIZE, textBaseline: 'middle' }} />
        ))}
      </Chart>
    </Canvas>
  );
  const canvas = new Canvas(tree.props);
  void canvas.render();
  return canvas;
}
