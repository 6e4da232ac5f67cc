import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { QueueTable } from './QueueTable';

/** 超时督办: matters overdue now in the person's area (getOverdueBoard). */
export default function OverdueBoardPage() {
  return <QueueTable title="超时督办" subTitle="现在已超时的诉求，升级层级高的在前" load={() => unwrap(api.GET('/api/requests/overdue'))} />;
}
