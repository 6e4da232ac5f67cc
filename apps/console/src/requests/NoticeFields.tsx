import { MAX_REPLY_DAYS, MAX_REQUIREMENT_LENGTH, PRINTED_NOTICES, type PrintedNoticeKind } from '@gridloop/domain/dist/requests/printed-notices';
import { Form, Input, InputNumber } from 'antd';

/** What the notice fields put in a step's body: only what was filled in (the API defaults the rest by the kind). */
export function noticeValues(values: { requirement?: unknown; replyDays?: unknown }): { requirement?: string; replyDays?: number } {
  const requirement = typeof values.requirement === 'string' ? values.requirement.trim() : '';
  return { ...(requirement ? { requirement } : {}), ...(typeof values.replyDays === 'number' ? { replyDays: values.replyDays } : {}) };
}

/**
 * The printed notice's terms on a 催办 or 督办 form (the row's `printedNotice`): what is required and
 * the working days to reply, each shown with the kind's standard, which stands when left as it is.
 */
export function NoticeFields({ kind }: { kind: PrintedNoticeKind }) {
  const rule = PRINTED_NOTICES[kind];
  return (
    <>
      <Form.Item name="requirement" label={`${rule.title}的办理要求（可不填）`} className="notice-field-requirement" extra={`不填写时为：${rule.requirement}`}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={MAX_REQUIREMENT_LENGTH} placeholder={rule.requirement} />
      </Form.Item>
      <Form.Item name="replyDays" label="回复期限" className="notice-field-replyDays" initialValue={rule.replyDays}>
        <InputNumber min={1} max={MAX_REPLY_DAYS} precision={0} addonAfter="个工作日内" />
      </Form.Item>
    </>
  );
}
