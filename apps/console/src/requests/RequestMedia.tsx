import { Image, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { messageOf } from '../api/errors';
import type { components } from '../api/schema';
import { photoUrl, voiceNoteUrl } from './request-api';

type PhotoRef = components['schemas']['PhotoRefDto'];
type VoiceNoteRef = components['schemas']['VoiceNoteRefDto'];

/** A blob: URL loaded with the sign-in, released when the component leaves or asks for another. */
function useBlobUrl(load: (() => Promise<string>) | null, key: unknown): { url: string | null; error: string | null } {
  const [state, setState] = useState<{ url: string | null; error: string | null }>({ url: null, error: null });
  useEffect(() => {
    if (!load) return;
    let live = true;
    let made: string | null = null;
    load().then(
      (url) => {
        made = url;
        if (live) setState({ url, error: null });
        else URL.revokeObjectURL(url);
      },
      (error: unknown) => live && setState({ url: null, error: messageOf(error) }),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
    // `load` is a fresh closure each render; `key` says what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, load === null]);
  return state;
}

/** One photo: its preview as a thumbnail; a click opens the full photo (fetched then) in antd's viewer. */
function Photo({ photo }: { photo: PhotoRef }) {
  const [wantFull, setWantFull] = useState(false);
  const preview = useBlobUrl(() => photoUrl(photo.id, 'preview'), photo.id);
  const full = useBlobUrl(wantFull ? () => photoUrl(photo.id, 'full') : null, photo.id);
  if (preview.error) return <Typography.Text type="secondary">{preview.error}</Typography.Text>;
  if (!preview.url) return <Spin size="small" className="request-photo-loading" />;
  return (
    <Image
      className="request-photo"
      width={96}
      height={96}
      style={{ objectFit: 'cover' }}
      src={preview.url}
      alt="照片"
      preview={{ src: full.url ?? preview.url, onVisibleChange: (visible) => visible && setWantFull(true) }}
    />
  );
}

export function Photos({ photos }: { photos: readonly PhotoRef[] }) {
  if (photos.length === 0) return null;
  return (
    <Space wrap size={8} className="request-photos">
      {photos.map((photo) => (
        <Photo key={photo.id} photo={photo} />
      ))}
    </Space>
  );
}

/** 语音留言: the note the matter was raised with, played in the browser. */
export function VoiceNote({ note }: { note: VoiceNoteRef }) {
  const audio = useBlobUrl(() => voiceNoteUrl(note.id), note.id);
  const seconds = Math.max(1, Math.round(note.durationMs / 1000));
  return (
    <Space className="request-voice">
      <Typography.Text>语音留言 {seconds} 秒</Typography.Text>
      {audio.error && <Typography.Text type="danger">{audio.error}</Typography.Text>}
      {audio.url ? <audio controls src={audio.url} className="request-voice-audio" /> : !audio.error && <Spin size="small" />}
    </Space>
  );
}
