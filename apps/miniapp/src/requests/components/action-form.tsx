import './request.css';
import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { actionRule, type RequestAction } from '@gridloop/domain/dist/requests/request-workflow';
import { Button } from '../../components/nutui';
import { TextArea } from '../../components/nutui-forms';
import type { UploadedPhoto } from '../photos/photo-types';
import { PhotoPicker } from './photo-picker';

export interface ActionFormValues {
  note: string;
  photoIds: number[];
}

export interface ActionFormProps {
  /** The step the form takes: its row of the workflow table says whether a note is required and photos may go with it. */
  action: RequestAction;
  title: string;
  confirmText: string;
  /** Label above the note; no label, no note field. */
  noteLabel?: string;
  notePlaceholder?: string;
  /** The note as the form opens (a proposal the person may change). */
  initialNote?: string;
  /** Instead of the row's noteRequired (acceptance: only when the complexity proposed is changed). */
  noteRequired?: boolean;
  /** Instead of the row's photos (acceptance: offered for a visit). */
  withPhotos?: boolean;
  busy: boolean;
  onSubmit(values: ActionFormValues): void;
  onCancel(): void;
  /** Fields above the note (a choice of contact method, complexity…). */
  children?: ReactNode;
  /** The confirm button's look: a step back (sendBack, withdraw) is drawn as a warning. */
  tone?: 'primary' | 'warning';
  className?: string;
}

/**
 * One step's form, opened in place under the buttons (no dialog to aim at): an optional note
 * (说明) and photos, then a big confirm button and 取消.
 */
export function ActionForm(props: ActionFormProps) {
  const { action, title, confirmText, noteLabel, notePlaceholder, busy, onSubmit, onCancel, children, tone = 'primary', className = '' } = props;
  const rule = actionRule(action);
  const noteRequired = props.noteRequired ?? rule.noteRequired === true;
  const withPhotos = props.withPhotos ?? rule.photos === true;
  const [note, setNote] = useState(props.initialNote ?? '');
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [uploading, setUploading] = useState(false);
  const [missing, setMissing] = useState(false);

  const submit = () => {
    if (noteRequired && !note.trim()) {
      setMissing(true);
      return;
    }
    onSubmit({ note: note.trim(), photoIds: photos.map((photo) => photo.id) });
  };

  return (
    <View className={`req-card action-form ${className}`}>
      <Text className="req-card-title">{title}</Text>
      {children}
      {noteLabel && (
        <View className="form-field">
          <Text className="form-label">
            {noteLabel}
            {noteRequired ? '' : '（可不填）'}
          </Text>
          <TextArea
            className="form-textarea action-note"
            value={note}
            onChange={(value) => {
              setNote(value);
              if (value.trim()) setMissing(false);
            }}
            placeholder={notePlaceholder}
            maxLength={2000}
            showCount
            autoSize
          />
          {missing && <Text className="form-error">请填写{noteLabel}</Text>}
        </View>
      )}
      {withPhotos && (
        <View className="form-field">
          <Text className="form-label">照片（可不加）</Text>
          <PhotoPicker photos={photos} onPhotosChange={(update) => setPhotos(update)} onBusyChange={setUploading} />
        </View>
      )}
      <Button
        className={`big-button action-confirm ${tone === 'warning' ? 'big-button--warning' : ''}`}
        type="primary"
        block
        loading={busy}
        disabled={busy || uploading}
        onClick={submit}
      >
        {uploading ? '照片上传中…' : confirmText}
      </Button>
      <Button className="big-button big-button--plain action-cancel" type="default" fill="outline" block disabled={busy} onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}
