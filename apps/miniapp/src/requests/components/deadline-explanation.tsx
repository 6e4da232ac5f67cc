import './deadline-explanation.css';
import { useState } from 'react';
import { explainDeadlines, type DeadlineFacts } from '@gridloop/domain/dist/clocks/deadline-explanation';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui';
import { Popup } from '../../components/nutui-sheet';
import type { RequestEventView, RequestListItem } from '../requests-api';

/** What the explanation reads of a matter: fields every request and list row carries. */
export type DeadlineRequest = Pick<RequestListItem, 'createdAt' | 'contactDueAt' | 'completionDueAt' | 'complexity' | 'cityDueAt'>;

/**
 * The matter's clock facts; a 转办 on the timeline (when the page has it) restarted the contact clock,
 * and each 批准延期 moved the completion deadline to its row's dueAt.
 */
function factsOf(request: DeadlineRequest, timeline: readonly RequestEventView[] = []): DeadlineFacts {
  const lastTransfer = [...timeline].reverse().find((event) => event.action === 'transfer');
  return {
    receivedAt: new Date(request.createdAt),
    contactStartedAt: lastTransfer ? new Date(lastTransfer.createdAt) : undefined,
    contactDueAt: new Date(request.contactDueAt),
    completionDueAt: request.completionDueAt ? new Date(request.completionDueAt) : null,
    complexity: request.complexity,
    cityDueAt: request.cityDueAt ? new Date(request.cityDueAt) : null,
    extensions: timeline.flatMap((event) => (event.action === 'approveExtension' && event.dueAt ? [{ dueAt: new Date(event.dueAt), reason: event.note }] : [])),
  };
}

/**
 * 「怎么算的？」 beside a deadline: a tap opens a sheet with how it was counted, in the domain's
 * words (packages/domain explainDeadlines, the same rules that set it). Taps stay here: inside a
 * list row they neither open the row nor reach it from the sheet.
 */
export function DeadlineExplanation({ request, timeline }: { request: DeadlineRequest; timeline?: readonly RequestEventView[] }) {
  const [open, setOpen] = useState(false);
  const lines = open ? explainDeadlines(factsOf(request, timeline)).lines : [];
  return (
    <View className="deadline-why" onClick={(event) => event.stopPropagation()}>
      <Text className="deadline-why-tap" onClick={() => setOpen(true)}>
        怎么算的？
      </Text>
      <Popup visible={open} position="bottom" round title="期限是怎么算的" className="deadline-why-sheet" onClose={() => setOpen(false)}>
        <View className="deadline-why-lines">
          {lines.map((line, index) => (
            <Text key={index} className="deadline-why-line">
              {line}
            </Text>
          ))}
        </View>
        <Button className="big-button deadline-why-close" type="primary" block onClick={() => setOpen(false)}>
          知道了
        </Button>
      </Popup>
    </View>
  );
}
