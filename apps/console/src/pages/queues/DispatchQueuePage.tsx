import type { ActionType } from '@ant-design/pro-components';
import { App, Button, Card, Col, Row, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useSession } from '../../auth/session-store';
import { useLoad } from '../../lib/use-load';
import type { RequestListItem } from '../../requests/request-api';
import { BatchStepModal, type BatchOutcome } from './BatchStepModal';
import { DispatchModal } from './dispatch/DispatchModal';
import { HotlineImport } from './dispatch/HotlineImport';
import { ReplyExport } from './dispatch/ReplyExport';
import { dispatchTowns, type UnitRef } from './dispatch/unit-tree';
import { QueueTable } from './QueueTable';

/**
 * 待派单: 12345 orders and transfer requests waiting for the hotline office (getDispatchQueue).
 * Select several and 派单 them to one unit of the town's tree at once (dispatchBatch), or refuse a
 * transfer request with a reason (不同意转办); above the queue, the city's sheet is imported by
 * drag and drop and the replies to the city exported for a span of days.
 */
export default function DispatchQueuePage() {
  const me = useSession()?.me;
  const { message } = App.useApp();
  const table = useRef<ActionType>();
  const towns = useLoad(() => (me ? dispatchTowns(me) : Promise.resolve([])), me?.id);
  const [chosenTown, setChosenTown] = useState<number | null>(null);
  const [selected, setSelected] = useState<RequestListItem[]>([]);
  const [step, setStep] = useState<'dispatch' | 'decline' | null>(null);

  const townList: UnitRef[] = towns.state === 'ready' ? towns.data : [];
  const town = townList.find((t) => t.id === chosenTown) ?? townList[0] ?? null;
  const reload = () => {
    setSelected([]);
    void table.current?.reload();
  };
  const toDispatch = selected.filter((item) => item.actions.includes('transfer'));
  const toDecline = selected.filter((item) => item.actions.includes('declineTransfer'));

  return (
    <>
      <QueueTable
        queue="dispatch"
        subTitle="等待派给承办单位的 12345 工单和申请转办的诉求；可勾选多件一起派单"
        actionRef={table}
        filter={
          town && (
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col span={14}>
                <Card
                  size="small"
                  title="导入 12345 工单"
                  extra={
                    townList.length > 1 && (
                      <Space>
                        <Typography.Text>镇</Typography.Text>
                        <Select
                          style={{ width: 160 }}
                          value={town.id}
                          onChange={setChosenTown}
                          options={townList.map((t) => ({ value: t.id, label: t.name }))}
                        />
                      </Space>
                    )
                  }
                >
                  <HotlineImport town={town} onImported={reload} />
                </Card>
              </Col>
              <Col span={10}>
                <Card size="small" title="导出给 12345 平台的回复">
                  <ReplyExport town={town} />
                </Card>
              </Col>
            </Row>
          )
        }
        rowSelection={{
          selectedRowKeys: selected.map((item) => item.id),
          onChange: (_, items) => setSelected(items),
        }}
        toolBarRender={() => [
          <Button key="dispatch" className="dispatch-batch" type="primary" disabled={!town || toDispatch.length === 0} onClick={() => setStep('dispatch')}>
            派单{toDispatch.length > 0 ? `（${toDispatch.length} 件）` : ''}
          </Button>,
          <Button key="decline" className="dispatch-decline" disabled={toDecline.length === 0} onClick={() => setStep('decline')}>
            不同意转办{toDecline.length > 0 ? `（${toDecline.length} 件）` : ''}
          </Button>,
        ]}
      />
      {step === 'dispatch' && town && (
        <DispatchModal
          town={town}
          items={toDispatch}
          onClose={(changed) => {
            setStep(null);
            if (changed) reload();
          }}
        />
      )}
      {step === 'decline' && (
        <BatchStepModal
          action="declineTransfer"
          items={toDecline}
          onClose={(outcomes: BatchOutcome[] | null) => {
            setStep(null);
            if (outcomes) {
              const ok = outcomes.filter((outcome) => outcome.ok).length;
              void message.success(`不同意转办 ${ok} 件${ok < outcomes.length ? `，${outcomes.length - ok} 件没有成功` : ''}`);
              reload();
            }
          }}
        />
      )}
    </>
  );
}
