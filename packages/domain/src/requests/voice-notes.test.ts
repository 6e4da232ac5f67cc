import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VOICE_NOTE_MAX_MS, voiceNoteLengthText, voiceNoteSecondsLeft } from './voice-notes';

describe('voice notes', () => {
  it('shows a length in whole seconds, as WeChat does', () => {
    const cases: [number, string][] = [
      [0, '1″'],
      [400, '1″'],
      [1000, '1″'],
      [1499, '1″'],
      [1500, '2″'],
      [23_400, '23″'],
      [VOICE_NOTE_MAX_MS, '60″'],
    ];
    for (const [ms, text] of cases) assert.equal(voiceNoteLengthText(ms), text, `${ms} ms`);
  });

  it('counts down the seconds left while recording, never below 0', () => {
    const cases: [number, number][] = [
      [0, 60],
      [1, 60],
      [999, 60],
      [1000, 59],
      [50_001, 10],
      [59_999, 1],
      [60_000, 0],
      [75_000, 0],
    ];
    for (const [elapsed, left] of cases) assert.equal(voiceNoteSecondsLeft(elapsed), left, `${elapsed} ms`);
  });
});
