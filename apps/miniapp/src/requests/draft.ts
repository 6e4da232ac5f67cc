import Taro from '@tarojs/taro';
import type { RequestCategory } from '@gridloop/domain/dist/requests/categories';
import type { UploadedPhoto } from './photos/photo-types';
import type { UploadedVoice } from './voice/voice-types';

/**
 * A form that makes a request (我要反映, 未诉先办 patrol report, 代办) as it is being written, kept
 * in Taro storage (localStorage in h5) per kind and signed-in person, so leaving the page, the app
 * being closed or a failed submit loses nothing.
 *
 * `clientRequestId` is made at the first tap on 提交 and kept with the draft until the API has
 * answered with the request: every retry (automatic or by hand, even after the app was closed)
 * sends the same one, so the API returns the same request instead of making a second.
 * Photos and a voice note are kept as uploaded (id and URL): unattached, they stay the
 * uploader's to use.
 */
export interface DraftBase {
  category: RequestCategory | null;
  description: string;
  addressNote: string;
  photos: UploadedPhoto[];
  /** 我要反映 only: said instead of (or beside) the text. */
  voice: UploadedVoice | null;
  clientRequestId: string | null;
}

/** Which form a draft belongs to: each keeps its own (`gridloop.<kind>-draft.<personId>`). */
export type DraftKind = 'report' | 'patrol' | 'proxy';

export const EMPTY_BASE: DraftBase = {
  category: null,
  description: '',
  addressNote: '',
  photos: [],
  voice: null,
  clientRequestId: null,
};

/** 我要反映. */
export interface ReportDraft extends DraftBase {
  contactPhone: string;
  confidential: boolean;
}

export const EMPTY_DRAFT: ReportDraft = { ...EMPTY_BASE, contactPhone: '', confidential: false };

function keyFor(kind: DraftKind, personId: number): string {
  return `gridloop.${kind}-draft.${personId}`;
}

export function readDraft<T extends DraftBase>(kind: DraftKind, personId: number, empty: T): T {
  try {
    const stored: unknown = Taro.getStorageSync(keyFor(kind, personId));
    if (typeof stored !== 'object' || stored === null) return empty;
    const draft = { ...empty, ...(stored as Partial<T>) };
    return Array.isArray(draft.photos) ? draft : { ...draft, photos: [] };
  } catch {
    return empty;
  }
}

export function saveDraft<T extends DraftBase>(kind: DraftKind, personId: number, draft: T): void {
  try {
    Taro.setStorageSync(keyFor(kind, personId), draft);
  } catch {
    // Storage full: the draft lives on in the page.
  }
}

export function clearDraft(kind: DraftKind, personId: number): void {
  try {
    Taro.removeStorageSync(keyFor(kind, personId));
  } catch {
    // nothing kept anyway
  }
}

/** Nothing worth keeping: no category, text, place, photo or voice note (other fields alone are not a draft). */
export function isBlank(draft: DraftBase): boolean {
  return !draft.category && !draft.description.trim() && !draft.addressNote.trim() && draft.photos.length === 0 && !draft.voice;
}

/** A fresh id for one submission (the API takes 8–64 of A–Z a–z 0–9 _ -). */
export function newClientRequestId(now: Date = new Date()): string {
  const random = () =>
    Math.floor(Math.random() * 36 ** 6)
      .toString(36)
      .padStart(6, '0');
  return `r${now.getTime().toString(36)}${random()}${random()}`;
}
