import './request.css';
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { VOICE_NOTE_MIN_MS, voiceNoteLengthText, voiceNoteSecondsLeft } from '@gridloop/domain/dist/requests/voice-notes';
import { messageOf } from '../../api/errors';
import { uploadVoice } from '../voice/voice-api';
import { playVoice, startRecording, stopRecording, VOICE_RECORDING_SUPPORTED } from '../voice/voice-platform';
import type { Playback, RecordedVoice, UploadedVoice } from '../voice/voice-types';

/** ▶ 语音 23″: plays a voice note of the API (fetched with the sign-in); tap again to stop. */
export function VoicePlayer({ voice, className = '' }: { voice: Pick<UploadedVoice, 'url' | 'durationMs'>; className?: string }) {
  const [state, setState] = useState<'idle' | 'loading' | 'playing' | 'failed'>('idle');
  const playback = useRef<Playback | null>(null);
  useEffect(() => () => playback.current?.stop(), []);

  const toggle = async () => {
    if (playback.current) {
      playback.current.stop();
      return;
    }
    setState('loading');
    try {
      const started = await playVoice(voice.url);
      playback.current = started;
      setState('playing');
      await started.ended;
      playback.current = null;
      setState('idle');
    } catch {
      setState('failed');
    }
  };

  const label = state === 'playing' ? '■ 正在播放，轻点停止' : state === 'loading' ? '正在加载…' : state === 'failed' ? '播放不了，轻点重试' : '▶ 语音留言';
  return (
    <View className={`voice-player voice-player--${state} ${className}`} onClick={toggle}>
      <Text className="voice-player-label">{label}</Text>
      <Text className="voice-player-length">{voiceNoteLengthText(voice.durationMs)}</Text>
    </View>
  );
}

/**
 * The finger on the button: touch events in WeChat; pointer events in the browser, which a
 * phone's finger and a computer's mouse both send (touch events alone would leave a mouse out).
 */
function holdEvents(down: () => void, up: () => void): Record<string, () => void> {
  if (process.env.TARO_ENV === 'h5') return { onPointerDown: down, onPointerUp: up, onPointerCancel: up, onPointerLeave: up };
  return { onTouchStart: down, onTouchEnd: up, onTouchCancel: up };
}

type Recorder =
  { kind: 'idle' } | { kind: 'recording'; startedAt: number } | { kind: 'uploading' } | { kind: 'failed'; recorded: RecordedVoice; message: string };

/**
 * 按住说话: hold to record a voice note (up to 60 s, the seconds left counting down), let go to
 * upload it; then it plays back, and × takes it away. A failed upload keeps the recording for 重传.
 */
export function VoiceNoteField(props: {
  voice: UploadedVoice | null;
  onChange(voice: UploadedVoice | null): void;
  onBusyChange(busy: boolean): void;
  onError(message: string): void;
}) {
  const { voice, onChange, onBusyChange, onError } = props;
  const [recorder, setRecorder] = useState<Recorder>({ kind: 'idle' });
  const [now, setNow] = useState(Date.now());
  // The finger, as the hold events report it (a ref: a release may come before the next render).
  const held = useRef(false);
  const recording = useRef(false);

  useEffect(() => {
    if (recorder.kind !== 'recording') return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [recorder.kind]);

  const upload = async (recorded: RecordedVoice) => {
    setRecorder({ kind: 'uploading' });
    onBusyChange(true);
    try {
      onChange(await uploadVoice(recorded));
      setRecorder({ kind: 'idle' });
    } catch (error) {
      setRecorder({ kind: 'failed', recorded, message: messageOf(error) });
      onError(messageOf(error));
    } finally {
      onBusyChange(false);
    }
  };

  /** Ends the recording once, whether the finger lifted or the 60 s ran out. */
  const finish = async () => {
    if (!recording.current) return;
    recording.current = false;
    const recorded = await stopRecording();
    if (!recorded) return setRecorder({ kind: 'idle' });
    if (recorded.durationMs < VOICE_NOTE_MIN_MS) {
      setRecorder({ kind: 'idle' });
      return onError('说话时间太短，请按住按钮多说一会儿');
    }
    await upload(recorded);
  };

  const press = async () => {
    if (recorder.kind !== 'idle' || held.current) return;
    held.current = true;
    try {
      await startRecording(() => void finish());
    } catch (error) {
      held.current = false;
      return onError(messageOf(error));
    }
    recording.current = true;
    setNow(Date.now());
    setRecorder({ kind: 'recording', startedAt: Date.now() });
    // Let go while the microphone was getting ready: that short press ends it now.
    if (!held.current) await finish();
  };

  const release = () => {
    held.current = false;
    void finish();
  };

  if (voice) {
    return (
      <View className="voice-field voice-field--done">
        <VoicePlayer voice={voice} />
        <View className="voice-remove" onClick={() => onChange(null)}>
          <Text className="voice-remove-text">×</Text>
        </View>
      </View>
    );
  }
  if (!VOICE_RECORDING_SUPPORTED) return null;
  if (recorder.kind === 'failed') {
    return (
      <View className="voice-field">
        <View className="voice-hold voice-hold--failed" onClick={() => void upload(recorder.recorded)}>
          <Text className="voice-hold-text">语音没有传上去，轻点重传</Text>
        </View>
        <View className="voice-remove" onClick={() => setRecorder({ kind: 'idle' })}>
          <Text className="voice-remove-text">×</Text>
        </View>
      </View>
    );
  }
  const text =
    recorder.kind === 'recording'
      ? `正在录音，还能说 ${voiceNoteSecondsLeft(now - recorder.startedAt)} 秒 · 松开结束`
      : recorder.kind === 'uploading'
        ? '语音上传中…'
        : '按住 说话（不想打字，可以说给网格员听）';
  return (
    <View className="voice-field">
      <View className={`voice-hold voice-hold--${recorder.kind}`} {...holdEvents(() => void press(), release)}>
        <Text className="voice-hold-text">{text}</Text>
      </View>
    </View>
  );
}
