import { QueueTable } from './QueueTable';

/** 待回看: results waiting to be looked back at (getLookBackQueue); a row opens the matter, which walks on through the queue. */
export default function LookBackQueuePage() {
  return <QueueTable queue="lookBack" subTitle="已办结、等待回看的诉求；打开一件，办完自动打开下一件" />;
}
