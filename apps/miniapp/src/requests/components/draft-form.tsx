import './request.css';
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS, type RequestCategory } from '@gridloop/domain/dist/requests/categories';
import { Button } from '../../components/nutui';
import { Input, Switch, TextArea } from '../../components/nutui-forms';
import type { DraftBase } from '../draft';
import type { Sending } from '../use-draft-submit';
import { PhotoPicker, type PhotoPickerProps } from './photo-picker';

const MAX_TEXT = 2000;

/** 是哪一类事情: the categories as big chips. */
export function CategoryChips({ value, onChange, error }: { value: RequestCategory | null; onChange(category: RequestCategory): void; error?: string }) {
  return (
    <View className="req-card">
      <Text className="form-label">是哪一类事情</Text>
      <View className="chips report-categories">
        {REQUEST_CATEGORIES.map((category: RequestCategory) => (
          <View key={category} className={`chip report-category ${value === category ? 'chip--on' : ''}`} onClick={() => onChange(category)}>
            <Text className="chip-text">{REQUEST_CATEGORY_LABELS[category]}</Text>
          </View>
        ))}
      </View>
      {error && <Text className="form-error">{error}</Text>}
    </View>
  );
}

/** 正在提交… / 网络不好，正在重试…（第 n 次） / why it failed. */
export function SendingNotice({ sending }: { sending: Sending }) {
  if (sending.kind === 'sending') {
    return (
      <View className="req-notice report-sending">
        <Text className="req-notice-text">{sending.retry > 0 ? `网络不好，正在重试…（第 ${sending.retry} 次）` : '正在提交…'}</Text>
      </View>
    );
  }
  if (sending.kind === 'failed') {
    return (
      <View className="req-notice report-failed">
        <Text className="req-notice-text">{sending.message}</Text>
      </View>
    );
  }
  return null;
}

/** The big submit button: waits for photos, shows the sending state, and the draft note under it. */
export function SubmitButton({
  label,
  busy,
  uploading,
  onSubmit,
  className = '',
  draftNote = true,
}: {
  label: string;
  busy: boolean;
  uploading: boolean;
  onSubmit(): void;
  className?: string;
  /** 「没写完也不要紧…」 under the button (a page with two submit buttons shows it once). */
  draftNote?: boolean;
}) {
  return (
    <View className="draft-submit">
      <Button className={`big-button report-submit ${className}`} type="primary" block loading={busy} disabled={busy || uploading} onClick={onSubmit}>
        {uploading ? '照片或语音上传中…' : busy ? '正在提交…' : label}
      </Button>
      {draftNote && <Text className="report-draft-note">没写完也不要紧，内容会自动保存在手机上</Text>}
    </View>
  );
}

/**
 * What and where: the text (up to 2000 characters, with a counter), up to 9 photos and the place.
 * Class names start with `prefix` (report-description, patrol-address, …).
 */
export function WhatWhereFields(props: {
  draft: DraftBase;
  onChange(patch: Partial<DraftBase>): void;
  photos: Pick<PhotoPickerProps, 'photos' | 'onPhotosChange' | 'onBusyChange'>;
  onPhotoError(message: string): void;
  prefix: string;
  label: string;
  placeholder: string;
  error?: string;
  /** Under the text, before the photos: 我要反映's 按住说话. */
  besideText?: ReactNode;
}) {
  const { draft, onChange, photos, onPhotoError, prefix, label, placeholder, error, besideText } = props;
  return (
    <View>
      <View className="form-field">
        <Text className="form-label">{label}</Text>
        <TextArea
          className={`form-textarea ${prefix}-description`}
          value={draft.description}
          onChange={(description) => onChange({ description: description.slice(0, MAX_TEXT) })}
          placeholder={placeholder}
          maxLength={MAX_TEXT}
          showCount
          autoSize
        />
        {error && <Text className="form-error">{error}</Text>}
        {besideText}
      </View>
      <View className="form-field">
        <Text className="form-label">照片（可不加，最多9张）</Text>
        <PhotoPicker {...photos} onError={onPhotoError} />
      </View>
      <View className="form-field">
        <Text className="form-label">地点（可不填）</Text>
        <Input
          className={`form-input ${prefix}-address`}
          value={draft.addressNote}
          onChange={(addressNote) => onChange({ addressNote })}
          placeholder="例如：村东头大桥边"
          maxLength={200}
        />
      </View>
    </View>
  );
}

/** 保密 with its switch. */
export function ConfidentialSwitch({ checked, onChange, className = '' }: { checked: boolean; onChange(confidential: boolean): void; className?: string }) {
  return (
    <View className="report-switch-row">
      <View className="report-switch-text">
        <Text className="form-label">保密</Text>
        <Text className="form-hint">打开后，这件事不会公开展示</Text>
      </View>
      <Switch className={`report-confidential ${className}`} checked={checked} onChange={onChange} />
    </View>
  );
}
