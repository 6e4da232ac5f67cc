import { chinaTimeText } from '@gridloop/domain/dist/calendar/china-time';
import { stepRule } from '@gridloop/domain/dist/requests/request-workflow';
import { Tag, Timeline as AntTimeline, Typography } from 'antd';
import { Photos } from './RequestMedia';
import type { TimelineEvent } from './request-api';

/** The matter's timeline, oldest first: each step by its label from the workflow table, who, when, the note and photos. */
export function RequestTimeline({ events }: { events: readonly TimelineEvent[] }) {
  return (
    <AntTimeline
      className="request-timeline"
      items={events.map((event) => ({
        key: event.id,
        color: event.public ? 'blue' : 'gray',
        children: (
          <div className={`timeline-step timeline-step-${event.action}`}>
            <Typography.Text strong>{stepRule(event.action)?.label ?? '其他'}</Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              · {event.actorName} · {chinaTimeText(new Date(event.createdAt))}
            </Typography.Text>
            {!event.public && <Tag style={{ marginLeft: 8 }}>仅工作人员可见</Tag>}
            {event.note && <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{event.note}</Typography.Paragraph>}
            {/* Lines of their own: a time never runs into the next words (「00:37此后时限」). */}
            {event.dueAt && (
              <div>
                <Typography.Text type="secondary">此后时限 {chinaTimeText(new Date(event.dueAt))}</Typography.Text>
              </div>
            )}
            <div>
              <Photos photos={event.photos} />
            </div>
          </div>
        ),
      }))}
    />
  );
}
