import { PageContainer, ProTable, type ActionType, type ProColumns, type ProTableProps } from '@ant-design/pro-components';
// Deep imports: the package index also pulls in the holiday calendar, which the console does not need.
import { chinaTimeText } from '@gridloop/domain/dist/calendar/china-time';
import { REQUEST_CATEGORY_LABELS } from '@gridloop/domain/dist/requests/categories';
import { REQUEST_STATE_LABELS } from '@gridloop/domain/dist/requests/request-workflow';
import { runningClock } from '@gridloop/domain/dist/requests/sla';
import { REQUEST_SOURCE_LABELS } from '@gridloop/domain/dist/requests/sources';
import { Tag } from 'antd';
import type { ReactNode, Ref } from 'react';
import { Link, useNavigate } from 'react-router';
import type { RequestListItem } from '../../requests/request-api';
import { QUEUES, requestPath, type QueueKey } from '../../requests/queues';

export type { RequestListItem };

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

function columnsFor(queue: QueueKey): ProColumns<RequestListItem>[] {
  return [
    { title: '编号', dataIndex: 'id', width: 70, render: (_, item) => <Link to={requestPath(item.id, queue)}>{item.id}</Link> },
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
    { title: '状态', dataIndex: 'state', width: 90, render: (_, item) => REQUEST_STATE_LABELS[item.state] },
    { title: '收到', dataIndex: 'createdAt', width: 120, render: (_, item) => time(item.createdAt) },
    { title: '时限', key: 'due', width: 120, render: (_, item) => time(runningDue(item)) },
  ];
}

/**
 * A queue of matters as a table; a row opens the matter's page within the queue (?queue=…), which
 * walks on to the next one after each step. `load` defaults to the queue's own operation; a page
 * may pass its own rows (`rows`, already loaded) and a selection with its tool bar.
 */
export function QueueTable({
  queue,
  subTitle,
  rows,
  actionRef,
  rowSelection,
  toolBarRender,
  filter,
}: {
  queue: QueueKey;
  subTitle: string;
  rows?: () => Promise<RequestListItem[]>;
  actionRef?: Ref<ActionType | undefined>;
  rowSelection?: ProTableProps<RequestListItem, Record<string, never>>['rowSelection'];
  toolBarRender?: () => ReactNode[];
  filter?: ReactNode;
}) {
  const { title, load } = QUEUES[queue];
  const navigate = useNavigate();
  return (
    <PageContainer title={title} subTitle={subTitle}>
      {filter}
      <ProTable<RequestListItem>
        className="queue-table"
        rowKey="id"
        actionRef={actionRef}
        columns={columnsFor(queue)}
        search={false}
        rowSelection={rowSelection}
        tableAlertRender={false}
        toolBarRender={toolBarRender}
        options={{ reload: true, density: false, setting: false }}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 件` }}
        onRow={(item) => ({
          // A click on the row opens the matter; the check box and the number's link do their own.
          onClick: (event) => {
            const target = event.target as HTMLElement;
            if (target.closest('a, button, input, .ant-checkbox-wrapper, .ant-table-selection-column')) return;
            void navigate(requestPath(item.id, queue));
          },
          style: { cursor: 'pointer' },
        })}
        request={async () => {
          const data = await (rows ?? load)();
          return { data, success: true, total: data.length };
        }}
      />
    </PageContainer>
  );
}
