import { PageContainer } from '@ant-design/pro-components';
import { workSearch, type WorkSearchKey } from '@gridloop/domain/dist/requests/work-searches';
import { Card, Col, Row, Statistic } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { components } from '../../api/schema';
import { LoadFailed, PageLoading } from '../../frame/PageStates';
import { useLoad } from '../../lib/use-load';
import { paramsFromQuery } from '../search/search-params';

type WorkSummary = components['schemas']['WorkSummaryDto'];

// ECharts is a chunk of its own, asked for after the counts: the first screen does not wait for it.
const IntakeChart = lazy(() => import('./IntakeChart'));

type CountKey = Exclude<keyof WorkSummary, 'day'>;

/**
 * The counts of GET /api/me/work, one card each, in the order of the day's work, each opening the
 * list of exactly what it counts: a queue's page (`to`), or 诉求检索 under the domain's workSearch
 * filter (`search`), the very search the API counted. A count is null exactly when the person's
 * roles do not do that work, so a shown link is one they may open.
 */
const COUNTS: readonly ({ key: CountKey; title: string; alarm?: boolean } & ({ to: string } | { search: WorkSearchKey }))[] = [
  { key: 'dispatch', title: '待派单', to: '/dispatch' },
  { key: 'handling', title: '待办', search: 'handling' },
  { key: 'overdue', title: '已超时', alarm: true, search: 'overdue' },
  { key: 'dueSoon', title: '即将超时', alarm: true, search: 'dueSoon' },
  { key: 'dueToday', title: '今日到期', search: 'dueToday' },
  { key: 'receivedToday', title: '今日新收', search: 'receivedToday' },
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
          {COUNTS.map((count) => {
            const { key, title, alarm } = count;
            const value = work.data[key];
            if (value === null) return null; // none of this person's roles does that work
            const statistic = <Statistic title={title} value={value} suffix="件" valueStyle={alarm && value > 0 ? { color: '#cf1322' } : undefined} />;
            // 今日… is the day the counts were taken on (the API's China day), not this browser's.
            const to = 'to' in count ? count.to : `/search?${paramsFromQuery(workSearch(count.search, work.data.day)).toString()}`;
            return (
              <Col key={key} xs={24} sm={12} lg={8} xl={6}>
                <Card className={`workbench-count workbench-count-${key}`}>
                  <Link to={to}>{statistic}</Link>
                </Card>
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
