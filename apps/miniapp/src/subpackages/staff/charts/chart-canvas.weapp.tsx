import { useEffect, useRef } from 'react';
import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ChartCanvasProps, ChartSurface, Drawn } from './surface';

/** WeChat's canvas node as the selector query hands it over (type='2d'). */
interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2D;
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(handle: number): void;
  createImage(): HTMLImageElement;
}

/**
 * The chart's canvas in WeChat (weapp): a <canvas type="2d">, found with a selector query once it is
 * on the page, sized at the device's pixel ratio. F2 gets the node's own animation frames and
 * images, and an offscreen canvas for measuring text (the weapp runtime has no document to make one).
 * The browser build uses ./chart-canvas.tsx.
 */
export function ChartCanvas({ id, height, paint, dataKey }: ChartCanvasProps) {
  const paintRef = useRef(paint);
  paintRef.current = paint;
  useEffect(() => {
    let gone = false;
    let drawn: Drawn | null = null;
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((results: { node?: CanvasNode; width: number; height: number }[] | null) => {
          const found = results?.[0];
          const node = found?.node;
          if (gone || !found || !node) return;
          const pixelRatio = Taro.getWindowInfo().pixelRatio;
          node.width = Math.round(found.width * pixelRatio);
          node.height = Math.round(found.height * pixelRatio);
          const surface: ChartSurface = {
            context: node.getContext('2d'),
            width: found.width,
            height: found.height,
            pixelRatio,
            requestAnimationFrame: (callback: () => void) => node.requestAnimationFrame(callback),
            cancelAnimationFrame: (handle: number) => node.cancelAnimationFrame(handle),
            createImage: () => node.createImage(),
            offscreenCanvas: Taro.createOffscreenCanvas({ type: '2d' }) as unknown as ChartSurface['offscreenCanvas'],
          };
          drawn = paintRef.current(surface);
        });
    });
    return () => {
      gone = true;
      drawn?.destroy();
    };
  }, [dataKey, height, id]);
  return <Canvas type="2d" id={id} className="chart-canvas" style={{ width: '100%', height: `${height}px`, display: 'block' }} />;
}
