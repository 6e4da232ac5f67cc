import { uploadMedia } from '../media/media-transfer';
import type { RecordedVoice, UploadedVoice } from './voice-types';

/** Uploads a recorded note (uploadVoiceNote): its id goes with the matter as voiceNoteId. */
export function uploadVoice(voice: RecordedVoice, onProgress: (percent: number) => void = () => undefined): Promise<UploadedVoice> {
  return uploadMedia<UploadedVoice>(
    '/api/voice-notes',
    voice,
    { durationMs: String(Math.round(voice.durationMs)) },
    onProgress,
    '网络连接不上，语音没有传上去',
  );
}
