import { PageContainer } from '@ant-design/pro-components';
import { Card, Col, Row, Statistic } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { components } from '../../api/schema';
import { LoadFailed, PageLoading } from '../../frame/PageStates';
import { useLoad } from '../../lib/use-load';

type WorkSummary = components['schemas']['WorkSummaryDto'];

// ECharts is a chunk of its own, asked for after the counts: the first screen does not wait for it.
const IntakeChart = lazy(() => import('./IntakeChart'));

/**
 * The counts of GET /api/me/work, one card each, in the order of the day's work. `to` is the
 * console page where that work is done; a count whose page is not built yet links nowhere. A count
 * is null exactly when the person's roles do not do that work, so a shown link is one they may open.
 */
const COUNTS: readonly { key: keyof WorkSummary; title: string; to?: string; alarm?: boolean }[] = [
  { key: 'dispatch', title: '待派单', to: '/dispatch' },
  { key: 'handling', title: '待办' },
  { key: 'overdue', title: '已超时', alarm: true },
  { key: 'dueSoon', title: '即将超时', alarm: true },
  { key: 'dueToday', title: '今日到期' },
  { key: 'receivedToday', title: '今日新收' },
  { key: 'lookBack', title: '待回看', to: '/look-back' },
  { key: 'supervision', title: '超时督办', to: '/overdue', alarm: true },
];

export default function WorkbenchPage() {
  const work = useLoad(() => unwrap(api.GET('/api/me/work')));
  const intake = useLoad(() => unwrap(api.GET('/api/me/intake-30d')));
  return (
    <PageContainer title="工作台" subTitle="等着您处理的事">
      {work.state === 'loading' && <PageLoading />}
      {work.state === 'failed' && <LoadFailed message={work.message} />}
      {work.state === 'ready' && (
        <Row gutter={[16, 16]}>
          {COUNTS.map(({ key, title, to, alarm }) => {
            const value = work.data[key];
            if (value === null) return null; // none of this person's roles does that work
            const statistic = <Statistic title={title} value={value} suffix="件" valueStyle={alarm && value > 0 ? { color: '#cf1322' } : undefined} />;
            return (
              <Col key={key} xs={24} sm={12} lg={8} xl={6}>
                <Card className={`workbench-count workbench-count-${key}`}>{to ? <Link to={to}>{statistic}</Link> : statistic}</Card>
              </Col>
            );
          })}
        </Row>
      )}
      <Card className="workbench-intake" title="近 30 天收到的诉求（按来源）" style={{ marginTop: 16 }}>
        {intake.state === 'loading' && <PageLoading />}
        {intake.state === 'failed' && <LoadFailed message={intake.message} />}
        {intake.state === 'ready' && (
          <Suspense fallback={<PageLoading />}>
            <IntakeChart intake={intake.data} />
          </Suspense>
        )}
      </Card>
    </PageContainer>
  );
}
