import { PrinterOutlined } from '@ant-design/icons';
import { chinaTimeText } from '@gridloop/domain/dist/calendar/china-time';
import { PRINTED_NOTICE_KINDS } from '@gridloop/domain/dist/requests/printed-notices';
import { Alert, Button, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useLoad } from '../lib/use-load';
import { noticesOf, noticesPath } from './notices-api';
import type { RequestView } from './request-api';

/** Whether the matter's timeline (as the caller sees it) has a step that issued a printed notice. */
export function hasNotices(request: RequestView): boolean {
  return request.timeline.some((event) => (PRINTED_NOTICE_KINDS as readonly string[]).includes(event.action));
}

/** 催办、督办通知: the matter's numbered notices, each with 打印, and all of them at once. */
export function RequestNotices({ request }: { request: RequestView }) {
  // Read again after each step (a new 催办 or 督办 issues one).
  const loaded = useLoad(() => noticesOf(request.id), `${request.id}-${request.version}`);
  if (loaded.state === 'failed') return <Alert type="error" showIcon message={loaded.message} />;
  const notices = loaded.state === 'ready' ? loaded.data : [];
  return (
    <List
      className="request-notices"
      size="small"
      loading={loaded.state === 'loading'}
      dataSource={notices}
      footer={
        notices.length > 1 ? (
          <Link to={noticesPath(notices.map((notice) => notice.id))}>
            <Button icon={<PrinterOutlined />}>全部打印（{notices.length} 份）</Button>
          </Link>
        ) : undefined
      }
      renderItem={(notice) => (
        <List.Item
          className="request-notice"
          actions={[
            <Link key="print" to={noticesPath([notice.id])} className="request-notice-print">
              打印通知
            </Link>,
          ]}
        >
          <List.Item.Meta
            title={`${notice.title} ${notice.number}`}
            description={
              <Typography.Text type="secondary">
                {chinaTimeText(new Date(notice.issuedAt))}，请于 {notice.replyBy} 前回复
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}
