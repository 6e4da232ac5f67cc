/**
 * Voice notes in the browser (h5). The weapp build uses ./voice-platform.weapp.ts (WeChat's
 * recorder and audio); both export the same functions.
 * - recording: getUserMedia + MediaRecorder (WebM/Opus in Chromium, MP4 in Safari), stopped by
 *   the caller or at VOICE_NOTE_MAX_MS; only on a secure page (https or localhost);
 * - playing: the note fetched with the sign-in (a blob: URL) into an Audio element.
 */
import { VOICE_NOTE_MAX_MS } from '@gridloop/domain/dist/requests/voice-notes';
import { ApiError } from '../../api/errors';
import { mediaPath } from '../media/media-transfer';
import type { Playback, RecordedVoice } from './voice-types';

export const VOICE_RECORDING_SUPPORTED = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia && typeof MediaRecorder !== 'undefined';

/** The recording now running: what stopRecording needs of it. */
interface Recording {
  recorder: MediaRecorder;
  limit: ReturnType<typeof setTimeout>;
  stopped: Promise<RecordedVoice>;
}

let current: Recording | null = null;

/** Starts recording (asks for the microphone the first time); `onLimit` is called if 60 s run out. */
export async function startRecording(onLimit: () => void): Promise<void> {
  if (!VOICE_RECORDING_SUPPORTED) throw new ApiError('NO_MICROPHONE', '这个浏览器不能录音，请用文字写下来', 0);
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch {
    throw new ApiError('NO_MICROPHONE', '没有打开麦克风，不能录音。请允许使用麦克风，或者用文字写下来', 0);
  }
  const recorder = new MediaRecorder(stream);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  };
  const startedAt = Date.now();
  const stopped = new Promise<RecordedVoice>((resolve) => {
    recorder.onstop = () => {
      stream.getTracks().forEach((track) => track.stop());
      const blob = new Blob(chunks, { type: recorder.mimeType || 'audio/webm' });
      const extension = blob.type.includes('mp4') ? 'm4a' : blob.type.includes('ogg') ? 'ogg' : 'webm';
      resolve({ path: URL.createObjectURL(blob), blob, name: `voice.${extension}`, durationMs: Math.min(Date.now() - startedAt, VOICE_NOTE_MAX_MS) });
    };
  });
  const limit = setTimeout(onLimit, VOICE_NOTE_MAX_MS);
  current = { recorder, limit, stopped };
  recorder.start();
}

/** Stops the recording and gives it back (null when none was running). */
export async function stopRecording(): Promise<RecordedVoice | null> {
  const recording = current;
  if (!recording) return null;
  current = null;
  clearTimeout(recording.limit);
  if (recording.recorder.state !== 'inactive') recording.recorder.stop();
  return recording.stopped;
}

/** Plays a voice note of the API from the start. */
export async function playVoice(url: string): Promise<Playback> {
  const audio = new Audio(await mediaPath(url));
  const ended = new Promise<void>((resolve) => {
    audio.onended = () => resolve();
    audio.onpause = () => resolve();
    audio.onerror = () => resolve();
  });
  await audio.play();
  return { stop: () => audio.pause(), ended };
}
