import { actionRule, type RequestAction } from '@gridloop/domain/dist/requests/request-workflow';
import { Alert, App, Button, Card, Form, Input, Space, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { ApiError, messageOf } from '../api/errors';
import { ActionFieldItem, fieldValues, initialValue, noteNeededBy } from './ActionFields';
import { NoticeFields, noticeValues } from './NoticeFields';
import { actOn, uploadPhoto, type ActionBody, type RequestView } from './request-api';

const MAX_PHOTOS = 9;
/** Refusals that mean the page shows an old state of the matter (someone else acted first). */
const STALE_CODES: readonly string[] = ['REQUEST_CONFLICT', 'REQUEST_WRONG_STATE'];

/**
 * One step's form, built from its row of the workflow table: the fields of its `fields` column,
 * the note (required where `noteRequired` says, or a complexity changed from the proposal) and
 * photos where `photos` says. Enter submits (Shift+Enter starts a new line in the note).
 */
export function ActionForm({
  request,
  action,
  onDone,
  onCancel,
  onStale,
}: {
  request: RequestView;
  action: RequestAction;
  onDone: (view: RequestView) => void;
  onCancel: () => void;
  /** The matter moved on since the desk read it (someone else acted): read it again. */
  onStale: () => void;
}) {
  const { message } = App.useApp();
  const rule = actionRule(action);
  const fields = rule.fields ?? [];
  const [form] = Form.useForm<Record<string, unknown>>();
  const watched = Form.useWatch([], form) ?? {};
  const noteRequired = rule.noteRequired === true || noteNeededBy(watched, request);
  const [photos, setPhotos] = useState<UploadFile<number>[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const uploading = photos.some((photo) => photo.status === 'uploading');

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    const note = typeof values.note === 'string' ? values.note.trim() : '';
    // The fields' names are the body's (the table's `fields` column names the API's action body).
    const body = {
      ...fieldValues(fields, values),
      ...(rule.printedNotice ? noticeValues(values) : {}),
      version: request.version,
      ...(note ? { note } : {}),
    } as ActionBody;
    const photoIds = photos.flatMap((photo) => (photo.status === 'done' && typeof photo.response === 'number' ? [photo.response] : []));
    if (photoIds.length) body.photoIds = photoIds;
    try {
      onDone(await actOn(request.id, action, body));
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && STALE_CODES.includes(failure.code)) {
        // The page shows the matter as it is now, with what may be done now.
        void message.warning(failure.message);
        onStale();
        return;
      }
      setError(messageOf(failure));
    }
  };

  const initialValues = Object.fromEntries(fields.map((field) => [field.name, initialValue(field, request)]));
  return (
    <Card size="small" title={rule.label} className={`action-form action-form-${action}`}>
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => void submit(values)} disabled={busy}>
        {fields.map((field) => (
          <ActionFieldItem key={field.name} field={field} request={request} />
        ))}
        <Form.Item
          name="note"
          label={noteRequired ? '说明' : '说明（可不填）'}
          rules={noteRequired ? [{ required: true, whitespace: true, message: '请填写说明' }] : []}
          extra="回车提交，Shift+回车换行"
        >
          <Input.TextArea
            className="action-note"
            autoFocus={fields.length === 0}
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            showCount
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                event.preventDefault();
                form.submit();
              }
            }}
          />
        </Form.Item>
        {rule.printedNotice && <NoticeFields kind={rule.printedNotice} />}
        {rule.photos && (
          <Form.Item label="照片（可不加）">
            <Upload<number>
              listType="picture-card"
              accept="image/jpeg,image/png,image/webp"
              fileList={photos}
              onChange={({ fileList }) => setPhotos(fileList)}
              customRequest={({ file, onSuccess, onError }) => {
                uploadPhoto(file as File).then(
                  (id) => onSuccess?.(id),
                  (failure: unknown) => onError?.(new Error(messageOf(failure))),
                );
              }}
            >
              {photos.length < MAX_PHOTOS && '加照片'}
            </Upload>
          </Form.Item>
        )}
        {error && <Alert className="action-error" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={uploading} className="action-submit">
            {uploading ? '照片上传中…' : `确定${rule.label}`}
          </Button>
          <Button onClick={onCancel} disabled={busy}>
            取消
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
