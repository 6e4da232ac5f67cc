/**
 * Voice notes (语音留言): a villager may hold a button and speak instead of typing. One note per
 * matter, with its submission; the API and the mini-program share these limits.
 */

/** Shorter than this is a slip of the thumb, not a message. */
export const VOICE_NOTE_MIN_MS = 1000;
/** WeChat's recorder stops here by itself; the API refuses anything longer. */
export const VOICE_NOTE_MAX_MS = 60_000;

/** The matter's text when it was raised by voice alone, so every list and report has a line to show. */
export const VOICE_ONLY_DESCRIPTION = '（语音留言）';

/** A note's length as WeChat shows one: 1″ … 60″ (whole seconds, rounded, at least 1). */
export function voiceNoteLengthText(durationMs: number): string {
  return `${Math.max(1, Math.round(durationMs / 1000))}″`;
}

/** Whole seconds left before the recorder stops, for the countdown while holding the button. */
export function voiceNoteSecondsLeft(elapsedMs: number): number {
  return Math.max(0, Math.ceil((VOICE_NOTE_MAX_MS - elapsedMs) / 1000));
}
