import Taro from '@tarojs/taro';
import { createStore, useStore } from '../lib/store';
import type { UnitRef } from '../auth/session-store';

/**
 * Where the app was opened from, when it was opened from a village WeChat group (weapp only;
 * see ./group-entry.weapp.ts). Lives in memory: a group ticket is valid for 30 minutes.
 */
export type GroupEntry =
  | { state: 'none' }
  | { state: 'resolving' }
  /** The group serves this village or small grid. */
  | { state: 'bound'; unit: UnitRef }
  /** Nobody has said which village this group is: someone who can bind may do it now. */
  | { state: 'unbound'; groupTicket: string }
  /** WeChat's data could not be opened (WECHAT_DECRYPT_FAILED): choose the village by hand. */
  | { state: 'unrecognised'; message: string }
  | { state: 'failed'; message: string };

/** What App onShow passes on (Taro's launch/show options, the part used here). */
export interface AppShowOptions {
  scene?: number;
  shareTicket?: string;
}

const groupEntry = createStore<GroupEntry>(() => ({ state: 'none' }));

export const getGroupEntry = groupEntry.get;
export const setGroupEntry = groupEntry.set;
export const useGroupEntry = (): GroupEntry => useStore(groupEntry);

/**
 * The village (or small grid) the app is currently "in": the bound group it was last opened
 * from, or the one chosen by hand when the group could not be recognised. Kept on the phone.
 */
const VILLAGE_KEY = 'gridloop.village';

function readVillage(): UnitRef | null {
  try {
    const stored: unknown = Taro.getStorageSync(VILLAGE_KEY);
    if (typeof stored !== 'object' || stored === null) return null;
    const unit = stored as Record<string, unknown>;
    return typeof unit.id === 'number' && typeof unit.name === 'string' && typeof unit.kind === 'string'
      ? { id: unit.id, name: unit.name, kind: unit.kind }
      : null;
  } catch {
    return null;
  }
}

const currentVillage = createStore<UnitRef | null>(readVillage);

export function setCurrentVillage(unit: UnitRef | null): void {
  try {
    if (unit) Taro.setStorageSync(VILLAGE_KEY, unit);
    else Taro.removeStorageSync(VILLAGE_KEY);
  } catch {
    // memory only
  }
  currentVillage.set(unit);
}

export const useCurrentVillage = (): UnitRef | null => useStore(currentVillage);
