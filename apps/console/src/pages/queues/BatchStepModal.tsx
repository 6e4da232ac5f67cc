import { actionRule, type RequestAction } from '@gridloop/domain/dist/requests/request-workflow';
import { Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { messageOf } from '../../api/errors';
import { actOn, type RequestListItem } from '../../requests/request-api';

export interface BatchOutcome {
  id: number;
  ok: boolean;
  message: string;
}

/**
 * One step (催办, 督办) on several matters: the note as the step's row asks (required for 督办),
 * then each matter on its own (each its own transaction in the API, with the version the desk
 * saw), and what became of each, matter by matter. Enter submits.
 */
export function BatchStepModal({
  action,
  items,
  onClose,
}: {
  action: RequestAction;
  items: readonly RequestListItem[];
  onClose: (outcomes: BatchOutcome[] | null) => void;
}) {
  const rule = actionRule(action);
  const [form] = Form.useForm<{ note?: string }>();
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<BatchOutcome[] | null>(null);

  const run = async ({ note }: { note?: string }) => {
    setBusy(true);
    const text = note?.trim();
    const done: BatchOutcome[] = [];
    for (const item of items) {
      try {
        await actOn(item.id, action, { version: item.version, ...(text ? { note: text } : {}) });
        done.push({ id: item.id, ok: true, message: `已${rule.label}` });
      } catch (failure) {
        done.push({ id: item.id, ok: false, message: messageOf(failure) });
      }
      setOutcomes([...done]);
    }
    setBusy(false);
  };

  const finished = outcomes !== null && !busy;
  return (
    <Modal
      open
      className={`batch-step batch-step-${action}`}
      title={`${rule.label} ${items.length} 件`}
      okText={finished ? '完成' : `确定${rule.label}`}
      cancelText="取消"
      cancelButtonProps={{ style: finished ? { display: 'none' } : undefined }}
      confirmLoading={busy}
      onOk={() => (finished ? onClose(outcomes) : form.submit())}
      onCancel={() => !busy && onClose(outcomes)}
      maskClosable={false}
    >
      {outcomes === null ? (
        <Form form={form} layout="vertical" onFinish={(values) => void run(values)}>
          <Form.Item
            name="note"
            label={rule.noteRequired ? `${rule.label}说明` : `${rule.label}说明（可不填）`}
            rules={rule.noteRequired ? [{ required: true, whitespace: true, message: '请填写说明' }] : []}
            extra={`每件分别${rule.label}，承办人会收到提醒；回车提交`}
          >
            <Input.TextArea
              autoFocus
              className="batch-note"
              autoSize={{ minRows: 3, maxRows: 6 }}
              maxLength={2000}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                  event.preventDefault();
                  form.submit();
                }
              }}
            />
          </Form.Item>
        </Form>
      ) : (
        <List
          className="batch-outcomes"
          size="small"
          dataSource={outcomes}
          renderItem={(outcome) => (
            <List.Item className={`batch-outcome batch-outcome-${outcome.ok ? 'ok' : 'failed'}`}>
              <Typography.Text>#{outcome.id}</Typography.Text>
              <Typography.Text type={outcome.ok ? 'success' : 'danger'}>{outcome.message}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
