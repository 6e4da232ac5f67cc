import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { LoadFailed, PageLoading } from '../../frame/PageStates';
import { useLoad } from '../../lib/use-load';
import { getNotice, type PrintedNotice } from '../../requests/notices-api';
import './notice-print.css';

const CHINA_DATE = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** 2026-10-20 → 2026年10月20日 (a day as the API writes it, China's). */
function dayText(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

/** The ids in the path: /notices/12 or /notices/12,13,14; none when any is not an id. */
function idsOf(text: string | undefined): number[] {
  const ids = (text ?? '').split(',').map(Number);
  return ids.length > 0 && ids.every((id) => Number.isInteger(id) && id > 0) ? ids : [];
}

/** One notice, an A4 sheet: the office's head, the number, the unit, the matter, what is required and by when. */
function NoticeSheet({ notice }: { notice: PrintedNotice }) {
  const action = notice.kind === 'urge' ? '催办' : '督办';
  return (
    <article className={`notice-sheet notice-${notice.kind}`} data-notice-id={notice.id}>
      <p className="notice-issuer">{notice.issuerName}</p>
      <h1 className="notice-title">{notice.title}</h1>
      <p className="notice-number">{notice.number}</p>
      <hr className="notice-rule" />
      <p className="notice-to">{notice.unitName}：</p>
      <p className="notice-body">
        {CHINA_DATE.format(new Date(notice.receivedAt))}受理的{notice.categoryLabel}诉求（诉求编号 {notice.requestId}
        {notice.requesterName ? `，反映人${notice.requesterName}` : ''}）{notice.dueAt ? `，办理期限为${CHINA_TIME.format(new Date(notice.dueAt))}` : ''}
        ，现予以{action}。请按以下要求办理：
      </p>
      <table className="notice-table">
        <tbody>
          <tr>
            <th>诉求内容</th>
            <td className="notice-description">{notice.description}</td>
          </tr>
          <tr>
            <th>所在位置</th>
            <td>{notice.placeName}</td>
          </tr>
          <tr>
            <th>办理期限</th>
            <td className="notice-due">{notice.dueAt ? CHINA_TIME.format(new Date(notice.dueAt)) : '—'}</td>
          </tr>
          {notice.note && (
            <tr>
              <th>{action}意见</th>
              <td>{notice.note}</td>
            </tr>
          )}
          <tr>
            <th>办理要求</th>
            <td className="notice-requirement">{notice.requirement}</td>
          </tr>
          <tr>
            <th>回复期限</th>
            <td className="notice-reply-by">
              请于{dayText(notice.replyBy)}前（{notice.replyDays}个工作日内）将办理情况回复{notice.issuerName}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="notice-sign">
        <p>{notice.issuerName}</p>
        <p>{CHINA_DATE.format(new Date(notice.issuedAt))}</p>
        <p>经办人：{notice.issuedByName}</p>
      </div>
    </article>
  );
}

/**
 * 打印通知 at /notices/:ids: one or several notices (催办通知书, 督办通知单), one A4 page each; 打印
 * prints them (the print styles leave out the console's menu and header).
 */
export default function NoticePrintPage() {
  const ids = idsOf(useParams().ids);
  const loaded = useLoad(() => Promise.all(ids.map(getNotice)), ids.join(','));
  if (ids.length === 0) return <LoadFailed message="没有这份通知" />;
  if (loaded.state === 'loading') return <PageLoading />;
  if (loaded.state === 'failed') return <LoadFailed message={loaded.message} />;
  const notices = loaded.data;
  return (
    <div className="notice-print">
      <Space className="notice-toolbar" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} className="notice-print-button" onClick={() => window.print()}>
          打印
        </Button>
        <Typography.Text type="secondary">共 {notices.length} 份，每份一页（A4）</Typography.Text>
        {notices.length === 1 && <Link to={`/requests/${notices[0]!.requestId}`}>返回诉求 #{notices[0]!.requestId}</Link>}
      </Space>
      <div className="notice-sheets">
        {notices.map((notice) => (
          <NoticeSheet key={notice.id} notice={notice} />
        ))}
      </div>
    </div>
  );
}
