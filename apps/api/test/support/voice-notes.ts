/**
 * Real recordings for the voice-note tests: 1.5 s of a 440 Hz tone in each format a recorder
 * writes (made once with ffmpeg; test/fixtures/voice), and the upload and fetch calls.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

// Tests run from apps/api (as test/support/browser.ts assumes too).
const dir = path.join(process.cwd(), 'test', 'fixtures', 'voice');
const read = (name: string) => fs.readFileSync(path.join(dir, name));

/** file name → [bytes, the type read from them] */
export const RECORDINGS: Record<string, [Buffer, string]> = {
  'note.mp3': [read('note.mp3'), 'audio/mpeg'], // WeChat's recorder, format 'mp3' (with an ID3 tag)
  'frames.mp3': [read('frames.mp3'), 'audio/mpeg'], // bare MP3 frames, no tag
  'note.aac': [read('note.aac'), 'audio/aac'], // ADTS: WeChat's 'aac' on Android
  'note.m4a': [read('note.m4a'), 'audio/mp4'], // WeChat's 'aac' on iOS, Safari's MediaRecorder
  'note.webm': [read('note.webm'), 'audio/webm'], // Chromium's MediaRecorder
  'note.ogg': [read('note.ogg'), 'audio/ogg'], // Firefox's MediaRecorder
  'note.wav': [read('note.wav'), 'audio/wav'],
};
export const MP3_NOTE = read('note.mp3');

/** Uploads `content` as a voice note (multipart `file` + `durationMs`; null leaves durationMs out). */
export async function uploadVoiceNote(
  baseUrl: string,
  token: string | undefined,
  content: Buffer,
  durationMs: number | string | null = 1500,
  claimed: { filename?: string; type?: string } = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  if (durationMs !== null) form.set('durationMs', String(durationMs));
  form.set('file', new Blob([new Uint8Array(content)], { type: claimed.type ?? 'audio/mpeg' }), claimed.filename ?? 'voice.mp3');
  const res = await fetch(`${baseUrl}/api/voice-notes`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
  return { status: res.status, body: await res.json() };
}

/** GETs a voice note's bytes. */
export async function fetchVoiceNote(baseUrl: string, token: string | undefined, url: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(`${baseUrl}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}
