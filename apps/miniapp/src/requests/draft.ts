import Taro from '@tarojs/taro'
import type { RequestCategory } from '@gridloop/domain/dist/requests/categories'
import type { UploadedPhoto } from './photos/photo-types'

/**
 * 我要反映 as it is being written, kept in Taro storage (localStorage in h5) per signed-in person,
 * so leaving the page, the app being closed or a failed submit loses nothing.
 *
 * `clientRequestId` is made at the first tap on 提交 and kept with the draft until the API has
 * answered with the request: every retry (automatic or by hand, even after the app was closed)
 * sends the same one, so the API returns the same request instead of making a second.
 * Photos are kept as uploaded (id and URL): an unattached photo stays its uploader's to use.
 */
export interface ReportDraft {
  category: RequestCategory | null
  description: string
  addressNote: string
  contactPhone: string
  confidential: boolean
  photos: UploadedPhoto[]
  clientRequestId: string | null
}

export const EMPTY_DRAFT: ReportDraft = {
  category: null,
  description: '',
  addressNote: '',
  contactPhone: '',
  confidential: false,
  photos: [],
  clientRequestId: null
}

function keyFor(personId: number): string {
  return `gridloop.report-draft.${personId}`
}

export function readDraft(personId: number): ReportDraft {
  try {
    const stored: unknown = Taro.getStorageSync(keyFor(personId))
    if (typeof stored !== 'object' || stored === null) return EMPTY_DRAFT
    const draft = { ...EMPTY_DRAFT, ...(stored as Partial<ReportDraft>) }
    return Array.isArray(draft.photos) ? draft : { ...draft, photos: [] }
  } catch {
    return EMPTY_DRAFT
  }
}

export function saveDraft(personId: number, draft: ReportDraft): void {
  try {
    Taro.setStorageSync(keyFor(personId), draft)
  } catch {
    // Storage full: the draft lives on in the page.
  }
}

export function clearDraft(personId: number): void {
  try {
    Taro.removeStorageSync(keyFor(personId))
  } catch {
    // nothing kept anyway
  }
}

export function isBlank(draft: ReportDraft): boolean {
  return !draft.category && !draft.description.trim() && !draft.addressNote.trim() && draft.photos.length === 0
}

/** A fresh id for one submission (the API takes 8–64 of A–Z a–z 0–9 _ -). */
export function newClientRequestId(now: Date = new Date()): string {
  const random = () => Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0')
  return `r${now.getTime().toString(36)}${random()}${random()}`
}
