import './request.css';
import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { photoPath } from '../photos/photo-platform';
import { previewPhotos } from '../photos/photo-preview';

/** One photo of the API, fetched with the sign-in (photoPath) and shown when it arrives. */
export function PhotoThumb({ url, onTap, className = '' }: { url: string; onTap?(path: string): void; className?: string }) {
  const [path, setPath] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    photoPath(url).then(
      (p) => live && setPath(p),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <View className={`photo-thumb ${className}`} onClick={() => path && onTap?.(path)}>
      {path ? <Image className="photo-thumb-image" src={path} mode="aspectFill" /> : <Text className="photo-thumb-note">{failed ? '加载失败' : '加载中'}</Text>}
    </View>
  );
}

/**
 * A row of photos, each as its small copy (previewUrl: at most 640 px, far fewer bytes on a weak
 * network); a tap opens the full photos (Taro.previewImage, loaded on the first tap in H5) at the one tapped.
 */
export function PhotoGrid({ photos }: { photos: readonly { id: number; url: string; previewUrl: string }[] }) {
  if (photos.length === 0) return null;
  const open = async (index: number) => {
    const urls = await Promise.all(photos.map((photo) => photoPath(photo.url).catch(() => '')));
    await previewPhotos(urls[index] || urls.find(Boolean) || '', urls.filter(Boolean));
  };
  return (
    <View className="photo-grid">
      {photos.map((photo, index) => (
        <PhotoThumb key={photo.id} url={photo.previewUrl} onTap={() => void open(index)} />
      ))}
    </View>
  );
}
