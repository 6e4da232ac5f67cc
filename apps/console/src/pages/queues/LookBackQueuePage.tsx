import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { QueueTable } from './QueueTable';

/** 待回看: results waiting to be looked back at (getLookBackQueue). */
export default function LookBackQueuePage() {
  return <QueueTable title="待回看" subTitle="已办结、等待回看的诉求" load={() => unwrap(api.GET('/api/requests/look-back-queue'))} />;
}
