import type { CanvasProps } from '@antv/f2';

/**
 * What a chart is drawn on: a 2D context with its size in CSS pixels, plus whatever the platform
 * must hand F2 itself (WeChat's canvas has its own animation frames, images and an offscreen
 * canvas for measuring text; a browser has them globally).
 */
export type ChartSurface = Pick<CanvasProps, 'context' | 'width' | 'height' | 'pixelRatio'> &
  Partial<Pick<CanvasProps, 'requestAnimationFrame' | 'cancelAnimationFrame' | 'createImage' | 'offscreenCanvas'>>;

/** Something drawn that must be let go of when the data changes or the page goes. */
export interface Drawn {
  destroy(): void;
}

export interface ChartCanvasProps {
  id: string;
  /** Height in CSS pixels; the width is the container's. */
  height: number;
  /** Draws on the surface once it is ready, and again whenever `dataKey` changes. */
  paint(surface: ChartSurface): Drawn;
  dataKey: string;
}
