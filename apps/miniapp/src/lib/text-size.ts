import Taro from '@tarojs/taro';
import { createStore, useStore } from './store';

/**
 * 大字模式 for elderly villagers: chosen on 我的, kept on the phone (Taro storage), applied to every
 * page through the class of its outermost view (`.text-root--large` in app.css sets
 * --text-scale, which every font-size in the app's CSS is multiplied by: config/postcss-text-scale.js).
 */
export type TextSize = 'normal' | 'large';

const STORAGE_KEY = 'gridloop.text-size';

function readStored(): TextSize {
  try {
    return Taro.getStorageSync(STORAGE_KEY) === 'large' ? 'large' : 'normal';
  } catch {
    return 'normal';
  }
}

const textSize = createStore<TextSize>(readStored);

export function setTextSize(size: TextSize): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, size);
  } catch {
    // Storage full or refused: the choice still holds until the app closes.
  }
  textSize.set(size);
}

export function useTextSize(): TextSize {
  return useStore(textSize);
}

/** The class for a page's outermost view: the base text size, scaled in 大字模式. */
export function useTextRootClass(): string {
  return useTextSize() === 'large' ? 'text-root text-root--large' : 'text-root';
}
