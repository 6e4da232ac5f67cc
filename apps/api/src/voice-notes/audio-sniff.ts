/**
 * The sound formats a voice note may be, told apart by their bytes, never by a name or a header:
 * what WeChat's recorder writes (MP3; AAC as ADTS on Android or in an M4A box on iOS; WAV) and what
 * a browser's MediaRecorder writes (WebM or Ogg with Opus; MP4 in Safari).
 */
export const VOICE_TYPES = {
  'audio/mpeg': 'mp3',
  'audio/aac': 'aac',
  'audio/mp4': 'm4a',
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
} as const;

export type VoiceMimeType = keyof typeof VOICE_TYPES;

/**
 * What `bytes` really are, or `undefined`. Each format is walked to its end, so a text that happens
 * to start with the right bytes, or a recording cut off in the middle, is not taken for sound:
 * MP3 and ADTS frame by frame (each header says where the next begins), M4A box by box, Ogg page by
 * page, WAV by its RIFF size. WebM (a browser's MediaRecorder streams it with sizes left unknown)
 * is known by its EBML header and "webm" document type only.
 */
export function sniffAudio(bytes: Buffer): VoiceMimeType | undefined {
  if (bytes.length < 16) return undefined;
  if (bytes.toString('latin1', 4, 8) === 'ftyp') return isM4a(bytes) ? 'audio/mp4' : undefined;
  if (bytes.readUInt32BE(0) === 0x1a45dfa3) return bytes.subarray(0, 64).includes('webm', 0, 'latin1') ? 'audio/webm' : undefined;
  if (bytes.toString('latin1', 0, 4) === 'OggS') return oggPagesToEnd(bytes) ? 'audio/ogg' : undefined;
  if (bytes.toString('latin1', 0, 4) === 'RIFF') return isWav(bytes) ? 'audio/wav' : undefined;
  if (framesToEnd(bytes, adtsFrameLength, 0)) return 'audio/aac';
  if (framesToEnd(bytes, mp3FrameLength, afterId3(bytes))) return 'audio/mpeg';
  return undefined;
}

/** An MP4 audio file: a known brand, then top-level boxes whose sizes add up to the file exactly. */
function isM4a(b: Buffer): boolean {
  const brand = b.toString('latin1', 8, 12);
  if (!['M4A ', 'M4B ', 'mp42', 'mp41', 'isom', 'iso2', 'iso5', 'iso6', '3gp4', '3gp5', 'dash'].includes(brand)) return false;
  let at = 0;
  let boxes = 0;
  while (at + 8 <= b.length) {
    let size = b.readUInt32BE(at);
    if (size === 1 && at + 16 <= b.length) size = Number(b.readBigUInt64BE(at + 8));
    else if (size === 0) size = b.length - at; // the last box runs to the end
    if (size < 8) return false;
    at += size;
    boxes++;
  }
  return at === b.length && boxes >= 2;
}

/** Ogg pages one after another to the very end: each a 27-byte header, its segment table and the segments. */
function oggPagesToEnd(b: Buffer): boolean {
  let at = 0;
  while (at < b.length) {
    if (at + 27 > b.length || b.toString('latin1', at, at + 4) !== 'OggS') return false;
    const segments = b[at + 26] ?? 0;
    if (at + 27 + segments > b.length) return false;
    let body = 0;
    for (let i = 0; i < segments; i++) body += b[at + 27 + i] ?? 0;
    at += 27 + segments + body;
  }
  return at === b.length;
}

/** RIFF/WAVE whose RIFF size is the file's (a pad byte allowed). */
function isWav(b: Buffer): boolean {
  if (b.toString('latin1', 8, 12) !== 'WAVE') return false;
  const end = 8 + b.readUInt32LE(4);
  return end === b.length || end + 1 === b.length;
}

/** Where the first frame is, past an ID3v2 tag (its size is four 7-bit bytes) if there is one. */
function afterId3(b: Buffer): number {
  if (b.toString('latin1', 0, 3) !== 'ID3' || b.length < 10) return 0;
  return 10 + (((b[6] ?? 0) & 0x7f) << 21) + (((b[7] ?? 0) & 0x7f) << 14) + (((b[8] ?? 0) & 0x7f) << 7) + ((b[9] ?? 0) & 0x7f);
}

/**
 * Frames from `start` to the end, each a valid header whose length leads to the next, at least two
 * of them (one frame is too short to be speech); an ID3v1 tag (128 bytes from "TAG") may close it.
 */
function framesToEnd(b: Buffer, frameLength: (b: Buffer, at: number) => number, start: number): boolean {
  let at = start;
  let frames = 0;
  while (at < b.length) {
    if (frames >= 2 && b.length - at === 128 && b.toString('latin1', at, at + 3) === 'TAG') return true;
    const length = frameLength(b, at);
    if (length === 0) return false;
    at += length;
    frames++;
  }
  return frames >= 2;
}
/** An ADTS (AAC) frame header at `at`: sync 0xFFF, layer 0, a known sampling rate; its length, or 0. */
function adtsFrameLength(b: Buffer, at: number): number {
  if (at + 7 > b.length || b[at] !== 0xff || ((b[at + 1] ?? 0) & 0xf6) !== 0xf0) return 0;
  if ((((b[at + 2] ?? 0) >> 2) & 0x0f) > 12) return 0;
  const length = (((b[at + 3] ?? 0) & 0x03) << 11) | ((b[at + 4] ?? 0) << 3) | ((b[at + 5] ?? 0) >> 5);
  return length >= 7 && at + length <= b.length ? length : 0;
}

const MP3_BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const MP3_BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const MP3_SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** An MPEG audio layer III frame header at `at`; its length in bytes, or 0. */
function mp3FrameLength(b: Buffer, at: number): number {
  if (at + 4 > b.length || b[at] !== 0xff || ((b[at + 1] ?? 0) & 0xe0) !== 0xe0) return 0;
  const version = ((b[at + 1] ?? 0) >> 3) & 0x03; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5, 1: reserved
  const layer = ((b[at + 1] ?? 0) >> 1) & 0x03; // 1: layer III
  const bitrateIndex = (b[at + 2] ?? 0) >> 4;
  const rateIndex = ((b[at + 2] ?? 0) >> 2) & 0x03;
  const padding = ((b[at + 2] ?? 0) >> 1) & 0x01;
  const rates = MP3_SAMPLE_RATES[version];
  if (!rates || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return 0;
  const kbps = (version === 3 ? MP3_BITRATES_V1 : MP3_BITRATES_V2)[bitrateIndex] ?? 0;
  const sampleRate = rates[rateIndex] ?? 0;
  const length = Math.floor(((version === 3 ? 144 : 72) * kbps * 1000) / sampleRate) + padding;
  return length >= 4 && at + length <= b.length ? length : 0;
}
