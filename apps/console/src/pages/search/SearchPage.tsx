import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { chinaTimeText } from '@gridloop/domain/dist/calendar/china-time';
import { REQUEST_CATEGORY_LABELS } from '@gridloop/domain/dist/requests/categories';
import { listDueAt } from '@gridloop/domain/dist/requests/sla';
import { REQUEST_STATE_LABELS } from '@gridloop/domain/dist/requests/request-workflow';
import { REQUEST_SOURCE_LABELS } from '@gridloop/domain/dist/requests/sources';
import { Alert, App, Button, Space, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { messageOf } from '../../api/errors';
import type { components } from '../../api/schema';
import { useLoad } from '../../lib/use-load';
import { saveFile } from '../../lib/save-file';
import { exportSearch, listSearchPlaces, PAGE_SIZE, searchRequests } from './search-api';
import { paramsFromQuery, queryFromParams, type SearchOrder, type SearchQuery, type SearchSort } from './search-params';
import { SearchFilters } from './SearchFilters';

type Item = components['schemas']['RequestListItemDto'];

const time = (value: string) => chinaTimeText(new Date(value));
/** The due time the search sorts by (the API's dueAt): the completion deadline once accepted, else the contact one. */

function columns(query: SearchQuery): TableColumnsType<Item> {
  // A column shows its arrow only when the address asks for its order (the default is newest first).
  const sortOrder = (sort: SearchSort) => (query.sort === sort ? (query.order === 'asc' ? 'ascend' : 'descend') : null);
  return [
    { title: '编号', dataIndex: 'id', width: 80, render: (_, item) => <Link to={`/requests/${item.id}`}>{item.id}</Link> },
    {
      title: '诉求内容',
      dataIndex: 'description',
      // The widest column: the matter in its own words wraps rather than being squeezed.
      onCell: () => ({ style: { minWidth: 300 } }),
      render: (_, item) => (
        <>
          {item.hotlineOrderNo && <Tag color="blue">12345 工单 {item.hotlineOrderNo}</Tag>}
          {item.supervised && <Tag color="red">督办</Tag>}
          {item.confidential && <Tag color="purple">保密</Tag>}
          {item.description}
        </>
      ),
    },
    { title: '类别', dataIndex: 'category', width: 90, render: (_, item) => REQUEST_CATEGORY_LABELS[item.category] },
    { title: '来源', dataIndex: 'source', width: 100, render: (_, item) => REQUEST_SOURCE_LABELS[item.source] },
    { title: '所在地', dataIndex: 'unitName', width: 130 },
    { title: '承办单位', dataIndex: 'handlerUnitName', width: 130 },
    { title: '状态', dataIndex: 'state', width: 80, render: (_, item) => REQUEST_STATE_LABELS[item.state] },
    { title: '反映人', dataIndex: 'requesterName', width: 80 },
    { title: '联系电话', dataIndex: 'contactPhone', width: 120, render: (_, item) => item.contactPhone ?? '—' },
    { title: '收到', key: 'receivedAt', width: 120, sorter: true, sortOrder: sortOrder('receivedAt'), render: (_, item) => time(item.createdAt) },
    {
      title: '时限',
      key: 'dueAt',
      width: 130,
      sorter: true,
      sortOrder: sortOrder('dueAt'),
      render: (_, item) => (
        <>
          {time(listDueAt(item))}
          {(item.contactLate || item.completionLate) && <Tag color="error">超时</Tag>}
        </>
      ),
    },
  ];
}

/**
 * 诉求检索 (searchRequests): every matter the person may see, filtered and sorted on the server,
 * a page at a time by the API's cursor. The filter and the order live in the address (a link
 * reproduces the view; back and forward move between searches); 导出 downloads the whole filtered
 * set as .xlsx (exportRequestSearch), streamed, with the bytes received shown as it comes.
 */
export default function SearchPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const key = paramsFromQuery(queryFromParams(params)).toString();
  const query = useMemo(() => queryFromParams(new URLSearchParams(key)), [key]);
  // The cursors of the pages before this one, for 上一页; a new filter starts again at the first page.
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key, cursors: [] });
  const cursors = paging.key === key ? paging.cursors : [];
  const cursor = cursors[cursors.length - 1] ?? null;
  const page = useLoad(() => searchRequests(query, cursor), `${key}#${cursor ?? ''}`);
  const places = useLoad(listSearchPlaces, 'places');
  const [received, setReceived] = useState<number | null>(null);

  const search = (next: SearchQuery) => setParams(paramsFromQuery(next));
  const onTableChange: TableProps<Item>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = one?.columnKey as SearchSort | undefined;
    const order: SearchOrder | undefined = one?.order === 'ascend' ? 'asc' : one?.order === 'descend' ? 'desc' : undefined;
    search({ ...query, sort: order ? sort : undefined, order });
  };
  const download = async () => {
    setReceived(0);
    try {
      const { file, name } = await exportSearch(query, setReceived);
      saveFile(file, name);
      void message.success(`已导出：${name}`);
    } catch (error) {
      void message.error(messageOf(error));
    } finally {
      setReceived(null);
    }
  };

  const items = page.state === 'ready' ? page.data.items : [];
  const nextCursor = page.state === 'ready' ? page.data.nextCursor : null;
  return (
    <PageContainer title="诉求检索" subTitle="查找本人辖区内的所有诉求；筛选条件保存在地址中，复制链接即可分享同样的结果">
      <SearchFilters query={query} places={places.state === 'ready' ? places.data : []} onSearch={search} />
      {page.state === 'failed' && <Alert type="error" showIcon message={page.message} style={{ marginBottom: 16 }} />}
      <Table<Item>
        className="search-table"
        rowKey="id"
        size="middle"
        columns={columns(query)}
        dataSource={items}
        loading={page.state === 'loading'}
        pagination={false}
        onChange={onTableChange}
        locale={{ emptyText: '没有符合条件的诉求' }}
        title={() => (
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text className="search-page-number">
              第 {cursors.length + 1} 页{page.state === 'ready' ? `，本页 ${items.length} 件` : ''}
            </Typography.Text>
            <Button className="search-export" icon={<DownloadOutlined />} loading={received !== null} onClick={() => void download()}>
              {received === null ? '导出' : `正在导出，已接收 ${(received / 1024).toFixed(1)} KB`}
            </Button>
          </Space>
        )}
      />
      <Space style={{ marginTop: 16 }}>
        <Button className="search-previous" disabled={cursors.length === 0} onClick={() => setPaging({ key, cursors: cursors.slice(0, -1) })}>
          上一页
        </Button>
        <Button className="search-next" disabled={!nextCursor} onClick={() => nextCursor && setPaging({ key, cursors: [...cursors, nextCursor] })}>
          下一页
        </Button>
        <Typography.Text type="secondary">每页 {PAGE_SIZE} 件</Typography.Text>
      </Space>
    </PageContainer>
  );
}
