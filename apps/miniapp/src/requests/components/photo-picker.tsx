import './request.css';
import { useRef, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { messageOf } from '../../api/errors';
import { choosePhotos, uploadPhoto } from '../photos/photo-platform';
import type { PickedPhoto, UploadedPhoto } from '../photos/photo-types';
import { PhotoThumb } from './photo-grid';

export const MAX_PHOTOS = 9;

interface Uploading {
  key: number;
  picked: PickedPhoto;
  progress: number;
  error: string | null;
}

export interface PhotoPickerProps {
  photos: readonly UploadedPhoto[];
  /** Functional update: uploads finish one by one. */
  onPhotosChange(update: (photos: UploadedPhoto[]) => UploadedPhoto[]): void;
  /** True while any photo is still uploading (the form waits for it). */
  onBusyChange?(busy: boolean): void;
  onError?(message: string): void;
  max?: number;
}

/**
 * 添加照片: choose (camera or album, compressed), upload each at once with its progress shown,
 * remove one with ×. A failed upload stays with 重传; the form gets only uploaded photo ids.
 */
export function PhotoPicker({ photos, onPhotosChange, onBusyChange, onError, max = MAX_PHOTOS }: PhotoPickerProps) {
  const [uploading, setUploading] = useState<Uploading[]>([]);
  const nextKey = useRef(1);
  const active = useRef(0);

  const setBusy = (delta: number) => {
    active.current += delta;
    onBusyChange?.(active.current > 0);
  };

  const start = async (item: Uploading) => {
    setBusy(1);
    try {
      const uploaded = await uploadPhoto(item.picked, (progress) => setUploading((list) => list.map((u) => (u.key === item.key ? { ...u, progress } : u))));
      setUploading((list) => list.filter((u) => u.key !== item.key));
      onPhotosChange((list) => [...list, uploaded]);
    } catch (error) {
      setUploading((list) => list.map((u) => (u.key === item.key ? { ...u, error: messageOf(error) } : u)));
      onError?.(messageOf(error));
    } finally {
      setBusy(-1);
    }
  };

  const room = max - photos.length - uploading.length;
  const add = async () => {
    if (room <= 0) return;
    let picked: PickedPhoto[];
    try {
      picked = await choosePhotos(room);
    } catch {
      return; // cancelled
    }
    const items = picked.slice(0, room).map((p) => ({ key: nextKey.current++, picked: p, progress: 0, error: null }));
    setUploading((list) => [...list, ...items]);
    items.forEach((item) => void start(item));
  };

  const retry = (item: Uploading) => {
    const again = { ...item, progress: 0, error: null };
    setUploading((list) => list.map((u) => (u.key === item.key ? again : u)));
    void start(again);
  };

  return (
    <View className="photo-picker">
      <View className="photo-grid">
        {photos.map((photo) => (
          <View className="photo-cell photo-cell--done" key={photo.id}>
            <PhotoThumb url={photo.previewUrl ?? photo.url} />
            <View className="photo-remove" onClick={() => onPhotosChange((list) => list.filter((p) => p.id !== photo.id))}>
              <Text className="photo-remove-text">×</Text>
            </View>
          </View>
        ))}
        {uploading.map((item) => (
          <View className="photo-cell photo-cell--uploading" key={`u${item.key}`} onClick={() => item.error && retry(item)}>
            <View className="photo-thumb">
              <Image className="photo-thumb-image" src={item.picked.path} mode="aspectFill" />
            </View>
            <View className={`photo-progress ${item.error ? 'photo-progress--failed' : ''}`}>
              <Text className="photo-progress-text">{item.error ? '失败，轻点重传' : `${item.progress}%`}</Text>
            </View>
            {item.error && (
              <View
                className="photo-remove"
                onClick={(event) => {
                  event.stopPropagation();
                  setUploading((list) => list.filter((u) => u.key !== item.key));
                }}
              >
                <Text className="photo-remove-text">×</Text>
              </View>
            )}
          </View>
        ))}
        {room > 0 && (
          <View className="photo-add" hoverClass="photo-add--pressed" onClick={add}>
            <Text className="photo-add-plus">＋</Text>
            <Text className="photo-add-text">拍照/相册</Text>
          </View>
        )}
      </View>
      <Text className="photo-count">
        已添加 {photos.length} 张，最多 {max} 张
      </Text>
    </View>
  );
}
