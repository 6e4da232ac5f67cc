import { PageContainer } from '@ant-design/pro-components';
import { chinaTimeText } from '@gridloop/domain/dist/calendar/china-time';
import { REQUEST_CATEGORY_LABELS } from '@gridloop/domain/dist/requests/categories';
import { RATING_LABELS } from '@gridloop/domain/dist/requests/ratings';
import { actionRule, REQUEST_STATE_LABELS, type RequestAction } from '@gridloop/domain/dist/requests/request-workflow';
import { runningClock } from '@gridloop/domain/dist/requests/sla';
import { REQUEST_SOURCE_LABELS } from '@gridloop/domain/dist/requests/sources';
import { App, Button, Card, Col, Descriptions, Empty, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { messageOf } from '../../api/errors';
import { LoadFailed, PageLoading } from '../../frame/PageStates';
import { useLoad } from '../../lib/use-load';
import { ActionForm } from '../../requests/ActionForm';
import { getRequest, REQUESTER_ONLY_ACTIONS, type RequestView } from '../../requests/request-api';
import { hasNotices, RequestNotices } from '../../requests/RequestNotices';
import { Photos, VoiceNote } from '../../requests/RequestMedia';
import { RequesterCall } from '../../requests/RequesterCall';
import { RequestTimeline } from '../../requests/Timeline';
import { isQueueKey, nextInQueue, QUEUES, requestPath } from '../../requests/queues';

const time = (value: string | Date | null | undefined) => (value ? chinaTimeText(new Date(value)) : '—');

/** 时限: the contact and completion deadlines, a 12345 order's city deadline, and the one running now. */
function Deadlines({ request }: { request: RequestView }) {
  const running = runningClock({
    state: request.state,
    contactDueAt: new Date(request.contactDueAt),
    completionDueAt: request.completionDueAt ? new Date(request.completionDueAt) : null,
    cityDueAt: request.cityDueAt ? new Date(request.cityDueAt) : null,
  });
  const late = (flag: boolean) => flag && <Tag color="red">超时</Tag>;
  return (
    <Descriptions column={1} size="small" className="request-deadlines">
      <Descriptions.Item label="联系时限">
        {time(request.contactDueAt)} {late(request.contactLate)}
      </Descriptions.Item>
      <Descriptions.Item label="办结时限">
        {time(request.completionDueAt)} {late(request.completionLate)}
      </Descriptions.Item>
      {request.cityDueAt && <Descriptions.Item label="市里要求办结">{time(request.cityDueAt)}</Descriptions.Item>}
      <Descriptions.Item label="现在的时限">
        <Typography.Text strong className="request-running-due">
          {running ? time(running.dueAt) : '不在计时'}
        </Typography.Text>
      </Descriptions.Item>
      {request.extensionAskedDays !== null && <Descriptions.Item label="申请延期">{request.extensionAskedDays} 个工作日，等待批准</Descriptions.Item>}
    </Descriptions>
  );
}

/** The matter itself: what, where, who (masked), and what it came with (photos of its first row, the voice note). */
function Matter({ request }: { request: RequestView }) {
  const firstPhotos = request.timeline[0]?.photos ?? [];
  return (
    <Card title="诉求内容" className="request-matter">
      <Typography.Paragraph className="request-description" style={{ fontSize: 16, whiteSpace: 'pre-wrap' }}>
        {request.description}
      </Typography.Paragraph>
      {request.voiceNote && <VoiceNote note={request.voiceNote} />}
      <Photos photos={firstPhotos} />
      <Descriptions column={2} size="small" style={{ marginTop: 16 }}>
        <Descriptions.Item label="类别">{REQUEST_CATEGORY_LABELS[request.category]}</Descriptions.Item>
        <Descriptions.Item label="来源">{REQUEST_SOURCE_LABELS[request.source]}</Descriptions.Item>
        <Descriptions.Item label="所在地">{request.unitName}</Descriptions.Item>
        <Descriptions.Item label="承办单位">{request.handlerUnitName}</Descriptions.Item>
        {request.addressNote && <Descriptions.Item label="地址">{request.addressNote}</Descriptions.Item>}
        <Descriptions.Item label="反映人">{request.requesterName || '—'}</Descriptions.Item>
        <Descriptions.Item label="联系电话">{request.contactPhone ?? '—'}</Descriptions.Item>
        {request.enteredByName && <Descriptions.Item label="代为登记">{request.enteredByName}</Descriptions.Item>}
        {request.hotlineOrderNo && <Descriptions.Item label="12345 工单号">{request.hotlineOrderNo}</Descriptions.Item>}
        <Descriptions.Item label="收到">{time(request.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="群众评价">{request.rating ? RATING_LABELS[request.rating] : '还没有评价'}</Descriptions.Item>
        {request.rehandleCount > 0 && <Descriptions.Item label="重办">{request.rehandleCount} 次</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

/**
 * 可以做的事: one button per action the API says the person may take now (`actions`), labelled
 * from the workflow table; a click opens that step's form, built from its row. The requester's own
 * steps (评价, 这不是我的诉求) are done in the mini-program.
 */
function Actions({ request, onDone, onStale }: { request: RequestView; onDone: (view: RequestView, action: RequestAction) => void; onStale: () => void }) {
  const [open, setOpen] = useState<RequestAction | null>(null);
  useEffect(() => setOpen(null), [request.id, request.version]);
  const actions = request.actions as RequestAction[];
  if (actions.length === 0) return <Empty className="request-no-actions" description="现在没有需要您做的事" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap className="request-actions">
        {actions.map((action) => {
          const own = REQUESTER_ONLY_ACTIONS.includes(action);
          const button = (
            <Button
              key={action}
              className={`request-action request-action-${action}`}
              type={open === action ? 'primary' : 'default'}
              disabled={own}
              // The label as the table writes it (antd would space out a two-character one: 回 看).
              autoInsertSpace={false}
              onClick={() => setOpen(action)}
            >
              {actionRule(action).label}
            </Button>
          );
          return own ? (
            <Tooltip key={action} title="请在网格通小程序里操作">
              {button}
            </Tooltip>
          ) : (
            button
          );
        })}
      </Space>
      {open && (
        <ActionForm
          key={`${open}-${request.version}`}
          request={request}
          action={open}
          onCancel={() => setOpen(null)}
          onStale={onStale}
          onDone={(view) => {
            setOpen(null);
            onDone(view, open);
          }}
        />
      )}
    </Space>
  );
}

/**
 * 诉求详情 at /requests/:id. Opened from a queue (?queue=lookBack …), it keeps that queue's order:
 * after a step the next matter of the queue opens, without going back to the list.
 */
export default function RequestDetailPage() {
  const id = Number(useParams().id);
  const [search] = useSearchParams();
  const queueParam = search.get('queue');
  const queueKey = isQueueKey(queueParam) ? queueParam : null;
  const queue = queueKey ? QUEUES[queueKey] : null;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const loaded = useLoad(() => getRequest(id), id);
  const seen = useLoad(() => (queue ? queue.load() : Promise.resolve([])), `${queueKey}-${id}`);
  const [view, setView] = useState<RequestView | null>(null);
  useEffect(() => setView(loaded.state === 'ready' ? loaded.data : null), [loaded]);

  const reread = () => {
    getRequest(id).then(setView, (failure: unknown) => void message.error(messageOf(failure)));
  };

  const afterStep = async (done: RequestView, action: RequestAction) => {
    void message.success(`已${actionRule(action).label}`);
    setView(done);
    if (!queue || !queueKey || seen.state !== 'ready') return;
    const now = await queue.load();
    const next = nextInQueue(seen.data, now, done.id);
    if (next !== null) void navigate(requestPath(next, queueKey));
    else {
      void message.info(`${queue.title}里的诉求都处理完了`);
      void navigate(queue.path);
    }
  };

  if (!Number.isInteger(id) || id < 1) return <LoadFailed message="没有这件诉求" />;
  if (loaded.state === 'loading') return <PageLoading />;
  if (loaded.state === 'failed') return <LoadFailed message={loaded.message} />;
  const request = view ?? loaded.data;
  const position = queue && seen.state === 'ready' ? seen.data.findIndex((item) => item.id === id) : -1;

  return (
    <PageContainer
      className="request-detail"
      title={`诉求 #${request.id}`}
      tags={[
        <Tag key="state" color="processing" className="request-state">
          {REQUEST_STATE_LABELS[request.state]}
        </Tag>,
        request.supervised ? (
          <Tag key="supervised" color="red">
            督办
          </Tag>
        ) : null,
        request.escalationRung > 0 ? (
          <Tag key="overdue" color="red">
            已超时
          </Tag>
        ) : null,
        request.confidential ? <Tag key="confidential">保密</Tag> : null,
        request.hotlineOrderNo ? (
          <Tag key="order" color="blue">
            12345 工单
          </Tag>
        ) : null,
      ].filter((tag) => tag !== null)}
      extra={
        queue && queueKey ? (
          <Space className="request-queue-nav">
            {position >= 0 && seen.state === 'ready' && (
              <Typography.Text className="request-queue-position">
                {queue.title} 第 {position + 1} / {seen.data.length} 件
              </Typography.Text>
            )}
            <Link to={queue.path}>返回{queue.title}</Link>
          </Space>
        ) : undefined
      }
    >
      <Row gutter={16}>
        <Col span={15}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Matter request={request} />
            <Card title="办理经过" className="request-timeline-card">
              <RequestTimeline events={request.timeline} />
            </Card>
          </Space>
        </Col>
        <Col span={9}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title="可以做的事" className="request-actions-card">
              <Actions request={request} onDone={(done, action) => void afterStep(done, action)} onStale={reread} />
            </Card>
            {request.canCall && (
              <Card title="联系群众">
                <RequesterCall key={request.id} request={request} />
              </Card>
            )}
            <Card title="时限">
              <Deadlines request={request} />
            </Card>
            {hasNotices(request) && (
              <Card title="催办、督办通知" className="request-notices-card">
                <RequestNotices request={request} />
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </PageContainer>
  );
}
