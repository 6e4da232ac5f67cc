import { actionRule, type RequestAction } from '@gridloop/domain/dist/requests/request-workflow';
import { Button, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../../api/errors';
import { NoticeFields, noticeValues } from '../../requests/NoticeFields';
import { noticeOfStep, noticesPath } from '../../requests/notices-api';
import { actOn, type RequestListItem } from '../../requests/request-api';

export interface BatchOutcome {
  id: number;
  ok: boolean;
  message: string;
  /** The printed notice the step issued (催办通知书, 督办通知单), when it did. */
  noticeId?: number;
}

/**
 * One step (催办, 督办) on several matters: the note as the step's row asks (required for 督办) and
 * its printed notice's terms, then each matter on its own (each its own transaction in the API,
 * with the version the desk saw), and what became of each, matter by matter, with 打印通知 for
 * the notices issued (one printout, a page each). Enter submits.
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
  const [form] = Form.useForm<{ note?: string; requirement?: string; replyDays?: number }>();
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<BatchOutcome[] | null>(null);

  const run = async ({ note, ...terms }: { note?: string; requirement?: string; replyDays?: number }) => {
    setBusy(true);
    const text = note?.trim();
    const notice = rule.printedNotice ? noticeValues(terms) : {};
    const done: BatchOutcome[] = [];
    for (const item of items) {
      try {
        const view = await actOn(item.id, action, { version: item.version, ...(text ? { note: text } : {}), ...notice });
        const issued = rule.printedNotice ? await noticeOfStep(view, rule.printedNotice).catch(() => null) : null;
        done.push({ id: item.id, ok: true, message: issued ? `已${rule.label}，${issued.number}` : `已${rule.label}`, noticeId: issued?.id });
      } catch (failure) {
        done.push({ id: item.id, ok: false, message: messageOf(failure) });
      }
      setOutcomes([...done]);
    }
    setBusy(false);
  };

  const finished = outcomes !== null && !busy;
  const noticeIds = (outcomes ?? []).flatMap((outcome) => (outcome.noticeId === undefined ? [] : [outcome.noticeId]));
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
          {rule.printedNotice && <NoticeFields kind={rule.printedNotice} />}
        </Form>
      ) : (
        <>
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
          {finished && noticeIds.length > 0 && (
            <Link to={noticesPath(noticeIds)} className="batch-print-notices">
              <Button type="link">打印通知（{noticeIds.length} 份，每件一页）</Button>
            </Link>
          )}
        </>
      )}
    </Modal>
  );
}
