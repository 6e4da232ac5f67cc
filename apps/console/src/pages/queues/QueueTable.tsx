import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
// Deep imports: the package index also pulls in the holiday calendar, which the console does not need.
import { chinaTimeText } from '@gridloop/domain/dist/calendar/china-time';
import { REQUEST_CATEGORY_LABELS } from '@gridloop/domain/dist/requests/categories';
import { runningClock } from '@gridloop/domain/dist/requests/sla';
import { REQUEST_SOURCE_LABELS } from '@gridloop/domain/dist/requests/sources';
import { Tag } from 'antd';
import type { components } from '../../api/schema';

export type RequestListItem = components['schemas']['RequestListItemDto'];

/** Times as the town reads them, in China time whatever the desk's own time zone. */
const time = (value: string | Date | null | undefined) => (value ? chinaTimeText(new Date(value)) : '—');

/** The deadline that runs now (contact, then completion; a 12345 order's earlier city deadline governs). */
function runningDue(item: RequestListItem): Date | null {
  const running = runningClock({
    state: item.state,
    contactDueAt: new Date(item.contactDueAt),
    completionDueAt: item.completionDueAt ? new Date(item.completionDueAt) : null,
    cityDueAt: item.cityDueAt ? new Date(item.cityDueAt) : null,
  });
  return running?.dueAt ?? null;
}

const COLUMNS: ProColumns<RequestListItem>[] = [
  { title: '编号', dataIndex: 'id', width: 70 },
  {
    title: '诉求内容',
    dataIndex: 'description',
    // The widest column: the matter in its own words wraps rather than being cut.
    onCell: () => ({ style: { minWidth: 320 } }),
    render: (_, item) => (
      <>
        {item.hotlineOrderNo && <Tag color="blue">12345 工单 {item.hotlineOrderNo}</Tag>}
        {item.supervised && <Tag color="red">督办</Tag>}
        {item.description}
      </>
    ),
  },
  { title: '类别', dataIndex: 'category', width: 100, render: (_, item) => REQUEST_CATEGORY_LABELS[item.category] },
  { title: '来源', dataIndex: 'source', width: 100, render: (_, item) => REQUEST_SOURCE_LABELS[item.source] },
  { title: '所在地', dataIndex: 'unitName', width: 140 },
  { title: '承办单位', dataIndex: 'handlerUnitName', width: 140 },
  { title: '状态', dataIndex: 'stateLabel', width: 90 },
  { title: '收到', dataIndex: 'createdAt', width: 120, render: (_, item) => time(item.createdAt) },
  {
    title: '时限',
    key: 'due',
    width: 120,
    render: (_, item) => {
      const due = runningDue(item);
      return time(due);
    },
  },
];

/**
 * A queue of matters as a read-only table (this increment: no actions from the console yet; the
 * matter's page with its actions comes with 诉求详情). `load` is the queue's own operation.
 */
export function QueueTable({ title, subTitle, load }: { title: string; subTitle: string; load: () => Promise<RequestListItem[]> }) {
  return (
    <PageContainer title={title} subTitle={subTitle}>
      <ProTable<RequestListItem>
        className="queue-table"
        rowKey="id"
        columns={COLUMNS}
        search={false}
        options={{ reload: true, density: false, setting: false }}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 件` }}
        request={async () => {
          const data = await load();
          return { data, success: true, total: data.length };
        }}
      />
    </PageContainer>
  );
}
