import type { RequestAction } from '@gridloop/domain/dist/requests/request-workflow';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { components, operations } from '../api/schema';

export type RequestView = components['schemas']['RequestDto'];
export type RequestListItem = components['schemas']['RequestListItemDto'];
export type TimelineEvent = components['schemas']['RequestEventDto'];
export type ActionBody = components['schemas']['RequestActionDto'];
/** The actions actOnRequest takes (rate and disown have operations of their own, for the requester). */
type ActOnAction = operations['actOnRequest']['parameters']['path']['action'];

/** Actions the requester takes through operations of their own, in the mini-program: not offered at a desk. */
export const REQUESTER_ONLY_ACTIONS: readonly string[] = ['rate', 'disown'];

export function getRequest(requestId: number): Promise<RequestView> {
  return unwrap(api.GET('/api/requests/{requestId}', { params: { path: { requestId } } }));
}

/** One step of the workflow table on one matter (its own transaction in the API). */
export function actOn(requestId: number, action: RequestAction, body: ActionBody): Promise<RequestView> {
  return unwrap(api.POST('/api/requests/{requestId}/actions/{action}', { params: { path: { requestId, action: action as ActOnAction } }, body }));
}

/** 拨打: the requester's full number; the API logs the view (phone_view_log). */
export async function callRequester(requestId: number): Promise<string> {
  const answer = await unwrap(api.POST('/api/requests/{requestId}/call', { params: { path: { requestId } } }));
  return answer.phone;
}

export function duplicatesOf(requestId: number) {
  return unwrap(api.GET('/api/requests/{requestId}/duplicates', { params: { path: { requestId } } }));
}

const blobUrl = (blob: unknown): string => URL.createObjectURL(blob as Blob);

/** A photo (full, or its preview) fetched with the sign-in (the API wants the access token), as a blob: URL. */
export async function photoUrl(photoId: number, size: 'full' | 'preview'): Promise<string> {
  const options = { params: { path: { photoId } }, parseAs: 'blob' as const };
  const blob = size === 'full' ? await unwrap(api.GET('/api/photos/{photoId}', options)) : await unwrap(api.GET('/api/photos/{photoId}/preview', options));
  return blobUrl(blob);
}

/** The voice note, fetched with the sign-in, as a blob: URL for an audio element. */
export async function voiceNoteUrl(voiceNoteId: number): Promise<string> {
  return blobUrl(await unwrap(api.GET('/api/voice-notes/{voiceNoteId}', { params: { path: { voiceNoteId } }, parseAs: 'blob' })));
}

export async function uploadPhoto(file: File): Promise<number> {
  const form = new FormData();
  form.append('file', file);
  const photo = await unwrap(api.POST('/api/photos', { body: { file: '' }, bodySerializer: () => form }));
  return photo.id;
}
