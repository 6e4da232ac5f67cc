import type { ActionType } from '@ant-design/pro-components';
import { actionRule } from '@gridloop/domain/dist/requests/request-workflow';
import { App, Button, Select, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { RequestListItem } from '../../requests/request-api';
import { QUEUES } from '../../requests/queues';
import { BatchStepModal, type BatchOutcome } from './BatchStepModal';
import { QueueTable } from './QueueTable';

/** The steps the board takes on several matters at once. */
const BATCH_ACTIONS = ['urge', 'supervise'] as const;
type BatchAction = (typeof BATCH_ACTIONS)[number];

/**
 * 超时督办: matters overdue now in the person's area (getOverdueBoard), by handling unit (a choice
 * above the table, with each unit's count); select one or several and 催办 or 督办 them at once.
 * Only matters whose `actions` allow the step are taken; a row opens the matter within the board.
 */
export default function OverdueBoardPage() {
  const { message } = App.useApp();
  const table = useRef<ActionType>();
  const [all, setAll] = useState<RequestListItem[]>([]);
  const [unit, setUnit] = useState<number | null>(null);
  // The unit the table's next load filters by, set before it reloads (state would reach `rows` only after a render).
  const filterUnit = useRef<number | null>(null);
  const [selected, setSelected] = useState<RequestListItem[]>([]);
  const [batch, setBatch] = useState<BatchAction | null>(null);

  const units = useMemo(() => {
    const counts = new Map<number, { name: string; count: number }>();
    for (const item of all) {
      const known = counts.get(item.handlerUnitId) ?? { name: item.handlerUnitName, count: 0 };
      counts.set(item.handlerUnitId, { ...known, count: known.count + 1 });
    }
    return [...counts.entries()].sort((a, b) => b[1].count - a[1].count);
  }, [all]);

  const rows = async () => {
    const loaded = await QUEUES.overdue.load();
    setAll(loaded);
    const chosen = filterUnit.current;
    return chosen === null ? loaded : loaded.filter((item) => item.handlerUnitId === chosen);
  };
  const takers = (action: BatchAction) => selected.filter((item) => item.actions.includes(action));

  return (
    <>
      <QueueTable
        queue="overdue"
        subTitle="现在已超时的诉求，升级层级高的在前；可勾选多件一起催办或督办"
        rows={rows}
        actionRef={table}
        filter={
          <Space style={{ marginBottom: 16 }} className="overdue-unit-filter">
            <Typography.Text>承办单位</Typography.Text>
            <Select<number | null>
              style={{ width: 280 }}
              value={unit}
              onChange={(value) => {
                filterUnit.current = value;
                setUnit(value);
                setSelected([]);
                void table.current?.reload();
              }}
              options={[
                { value: null, label: `全部（${all.length} 件）` },
                ...units.map(([id, { name, count }]) => ({ value: id, label: `${name}（${count} 件）` })),
              ]}
            />
          </Space>
        }
        rowSelection={{
          selectedRowKeys: selected.map((item) => item.id),
          onChange: (_, items) => setSelected(items),
        }}
        toolBarRender={() =>
          BATCH_ACTIONS.map((action) => {
            const count = takers(action).length;
            return (
              <Button
                key={action}
                className={`overdue-batch-${action}`}
                type={action === 'urge' ? 'primary' : 'default'}
                danger={action === 'supervise'}
                disabled={count === 0}
                onClick={() => setBatch(action)}
              >
                {actionRule(action).label}
                {count > 0 ? `（${count} 件）` : ''}
              </Button>
            );
          })
        }
      />
      {batch && (
        <BatchStepModal
          action={batch}
          items={takers(batch)}
          onClose={(outcomes: BatchOutcome[] | null) => {
            setBatch(null);
            if (outcomes) {
              const ok = outcomes.filter((outcome) => outcome.ok).length;
              void message.success(`${actionRule(batch).label}了 ${ok} 件${ok < outcomes.length ? `，${outcomes.length - ok} 件没有成功` : ''}`);
              setSelected([]);
              void table.current?.reload();
            }
          }}
        />
      )}
    </>
  );
}
