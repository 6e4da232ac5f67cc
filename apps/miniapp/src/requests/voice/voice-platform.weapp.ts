/**
 * Voice notes in WeChat (weapp). The browser build uses ./voice-platform.ts; both export the same
 * functions.
 * - recording: wx.getRecorderManager(), MP3 at 16 kHz mono (about 6 KB a second), which WeChat
 *   stops by itself at VOICE_NOTE_MAX_MS; WeChat asks for the microphone (scope.record) itself;
 * - playing: the note downloaded with the sign-in (a temporary file) into an InnerAudioContext.
 */
import Taro from '@tarojs/taro';
import { VOICE_NOTE_MAX_MS } from '@gridloop/domain/dist/requests/voice-notes';
import { ApiError } from '../../api/errors';
import { mediaPath } from '../media/media-transfer';
import type { Playback, RecordedVoice } from './voice-types';

export const VOICE_RECORDING_SUPPORTED = true;

// Made on first use: WeChat gives one recorder per app.
let manager: Taro.RecorderManager | null = null;
const recorder = () => (manager ??= Taro.getRecorderManager());
/** The recording now running: stop it and get its note. */
let running: { stop(): Promise<RecordedVoice | null> } | null = null;

/** Starts recording; `onLimit` is called if WeChat stops it at 60 s (the note is still there for stopRecording). */
export function startRecording(onLimit: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let started = false;
    let stoppedByUs = false;
    // The recorder keeps one listener of each kind: each recording sets its own.
    const note = new Promise<RecordedVoice | null>((done) => {
      recorder().onStop((result) => {
        if (!stoppedByUs) onLimit();
        done({ path: result.tempFilePath, name: 'voice.mp3', durationMs: Math.min(result.duration, VOICE_NOTE_MAX_MS) });
      });
      recorder().onError((error) => {
        if (!started)
          reject(
            new ApiError(
              'NO_MICROPHONE',
              /auth/.test(error.errMsg ?? '') ? '没有打开麦克风，不能录音。请在设置里允许使用麦克风' : '录音没有开始，请再试一次',
              0,
            ),
          );
        done(null);
      });
    });
    recorder().onStart(() => {
      started = true;
      resolve();
    });
    running = {
      stop: () => {
        stoppedByUs = true;
        recorder().stop();
        return note;
      },
    };
    recorder().start({ duration: VOICE_NOTE_MAX_MS, format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 });
  });
}

/** Stops the recording and gives it back (null when none was running or it failed). */
export function stopRecording(): Promise<RecordedVoice | null> {
  const recording = running;
  running = null;
  return recording ? recording.stop() : Promise.resolve(null);
}

/** Plays a voice note of the API from the start. */
export async function playVoice(url: string): Promise<Playback> {
  const audio = Taro.createInnerAudioContext();
  audio.src = await mediaPath(url);
  const ended = new Promise<void>((resolve) => {
    audio.onEnded(() => resolve());
    audio.onStop(() => resolve());
    audio.onError(() => resolve());
  });
  void ended.then(() => audio.destroy());
  audio.play();
  return { stop: () => audio.stop(), ended };
}
