import type { LocalFile } from '../media/media-types';

/** A voice note just recorded on the phone, not uploaded yet. */
export interface RecordedVoice extends LocalFile {
  durationMs: number;
}

/** What uploadVoiceNote answered: the id to send with the matter, its length and where to play it. */
export interface UploadedVoice {
  id: number;
  durationMs: number;
  url: string;
}

/** One playback: stop it early, or wait for its end. */
export interface Playback {
  stop(): void;
  ended: Promise<void>;
}
