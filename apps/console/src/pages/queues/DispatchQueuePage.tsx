import { QueueTable } from './QueueTable';

/** 待派单: 12345 orders and transfer requests waiting for the hotline office (getDispatchQueue). */
export default function DispatchQueuePage() {
  return <QueueTable queue="dispatch" subTitle="等待派给承办单位的 12345 工单和申请转办的诉求" />;
}
