import { useEffect, useRef } from 'react';
import type { ChartCanvasProps, Drawn } from './surface';

/**
 * The chart's canvas in the browser build (h5): a plain <canvas> (Taro's H5 Canvas component
 * resizes its canvas to the CSS size on every render, undoing the sharp-on-retina scaling), drawn
 * at the device's pixel ratio. The weapp build uses ./chart-canvas.weapp.tsx.
 */
export function ChartCanvas({ id, height, paint, dataKey }: ChartCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const paintRef = useRef(paint);
  paintRef.current = paint;
  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const width = canvas.clientWidth;
    const pixelRatio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * pixelRatio);
    canvas.height = Math.round(height * pixelRatio);
    const drawn: Drawn = paintRef.current({ context, width, height, pixelRatio });
    return () => drawn.destroy();
  }, [dataKey, height]);
  return <canvas id={id} ref={ref} className="chart-canvas" style={{ width: '100%', height: `${height}px`, display: 'block' }} />;
}
