import { describe, expect, it } from '@jest/globals';
import { sniffAudio } from '../../src/voice-notes/audio-sniff';
import { RECORDINGS } from '../support/voice-notes';

describe('a voice note is known by its bytes', () => {
  it.each(Object.entries(RECORDINGS).map(([name, [bytes, type]]) => [name, type, bytes] as const))('%s is %s', (_name, type, bytes) => {
    expect(sniffAudio(bytes)).toBe(type);
  });

  // Cut off mid-recording: every format but WebM (streamed with unknown sizes) is walked to its end.
  it.each(
    Object.entries(RECORDINGS)
      .filter(([name]) => !name.endsWith('.webm'))
      .map(([name, [bytes]]) => [name, bytes] as const),
  )('%s cut in half is not', (_name, bytes) => {
    expect(sniffAudio(bytes.subarray(0, Math.floor(bytes.length / 2) + 1))).toBeUndefined();
  });

  it('an MP3 may close with an ID3v1 tag', () => {
    const tag = Buffer.concat([Buffer.from('TAG'), Buffer.alloc(125)]);
    expect(sniffAudio(Buffer.concat([RECORDINGS['frames.mp3']![0], tag]))).toBe('audio/mpeg');
  });

  const mp3 = RECORDINGS['frames.mp3']![0];
  const aac = RECORDINGS['note.aac']![0];
  it.each([
    ['text', Buffer.from('这不是录音，只是一段文字，写得长一点好超过十六个字节')],
    ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
    ['one MP3 frame header, then text', Buffer.concat([mp3.subarray(0, 4), Buffer.from('x'.repeat(400))])],
    ['one ADTS frame, then text', Buffer.concat([aac.subarray(0, 7), Buffer.from('x'.repeat(400))])],
    ['bytes that start 0xFF 0xFB with a reserved bitrate', Buffer.from('fffbf0' + '00'.repeat(400), 'hex')],
    ['a Matroska video header without "webm"', Buffer.concat([Buffer.from('1a45dfa3', 'hex'), Buffer.from('matroska'.repeat(10))])],
    ['an MP4 of an unknown brand', Buffer.concat([Buffer.from('00000018667479707174202000000000', 'hex'), Buffer.alloc(32)])],
    ['a RIFF that is not WAVE', Buffer.concat([Buffer.from('RIFF\u0000\u0000\u0000\u0000AVI LIST'), Buffer.alloc(32)])],
    ['too short', Buffer.from('OggS')],
    ['nothing', Buffer.alloc(0)],
  ])('%s is not', (_name, bytes) => {
    expect(sniffAudio(bytes)).toBeUndefined();
  });
});
