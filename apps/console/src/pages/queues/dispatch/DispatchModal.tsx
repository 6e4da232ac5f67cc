import { Alert, App, Form, Input, List, Modal, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../../api/client';
import { messageOf, unwrap } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { useLoad, type Loaded } from '../../../lib/use-load';
import type { RequestListItem } from '../../../requests/request-api';
import { kindLabel, loadUnitTree, type UnitNode, type UnitRef } from './unit-tree';

type BatchResult = components['schemas']['DispatchBatchResultDto'];

/** The tree as TreeSelect wants it: a kind after each name; large grids open but cannot be chosen. */
function treeData(nodes: readonly UnitNode[]): object[] {
  return nodes.map((node) => ({
    value: node.value,
    title: `${node.title}（${kindLabel(node.kind)}）`,
    name: node.title,
    path: node.path,
    selectable: node.selectable,
    children: node.children ? treeData(node.children) : undefined,
  }));
}

/** A unit picker over the town's tree, searchable by name (the form's and each row's). */
function UnitPicker({
  tree,
  className,
  value,
  onChange,
  placeholder,
}: {
  tree: Loaded<UnitNode[]>;
  className: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
}) {
  const data = useMemo(() => (tree.state === 'ready' ? treeData(tree.data) : []), [tree]);
  return (
    <TreeSelect<number>
      // Mounted anew once the tree is there: the search expands what it finds only for the data it had when typed.
      key={tree.state}
      disabled={tree.state !== 'ready'}
      className={className}
      value={value}
      onChange={onChange}
      showSearch
      allowClear
      placeholder={tree.state === 'loading' ? '正在加载全镇的村、网格和部门…' : (placeholder ?? '输入名称搜索，或逐级展开选择')}
      loading={tree.state === 'loading'}
      treeData={data}
      treeNodeFilterProp="name"
      treeNodeLabelProp="path"
      listHeight={400}
      popupMatchSelectWidth={false}
      notFoundContent={tree.state === 'failed' ? tree.message : '没有名称相符的单位'}
    />
  );
}

/** How a selected matter is named in the list: its 12345 order number, else its number, and what it is about. */
function ItemTitle({ item }: { item: RequestListItem }) {
  return (
    <Typography.Text ellipsis style={{ maxWidth: 380 }} title={item.description}>
      {item.hotlineOrderNo ? <Tag color="blue">12345 工单 {item.hotlineOrderNo}</Tag> : <Typography.Text strong>#{item.id} </Typography.Text>}
      {item.description}
    </Typography.Text>
  );
}

/**
 * 派单 for the selected matters: a unit for all of them from the town's tree (searchable by name),
 * and, matter by matter in the list below, another unit where one should go elsewhere (each row
 * starts on the unit for all and follows it until changed); the note the handlers read. One
 * dispatchBatch call, each matter a transfer of its own, to its own unit where it has one. What
 * failed stays open here with its reason, matter by matter; the rest have left the queue.
 */
export function DispatchModal({ town, items, onClose }: { town: UnitRef; items: readonly RequestListItem[]; onClose: (changed: boolean) => void }) {
  const tree = useLoad(() => loadUnitTree(town), town.id);
  const [form] = Form.useForm<{ targetUnitId?: number; note: string }>();
  const forAll = Form.useWatch('targetUnitId', form);
  /** The matters sent elsewhere than the unit for all: their own unit, by matter. */
  const [own, setOwn] = useState<ReadonlyMap<number, number>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<BatchResult | null>(null);
  const { message } = App.useApp();
  const everyOneHasOwn = items.every((item) => own.has(item.id));

  const choose = (itemId: number, unitId: number | undefined) =>
    setOwn((before) => {
      const after = new Map(before);
      // Back to the unit for all (or cleared): it follows that one again.
      if (unitId === undefined || unitId === forAll) after.delete(itemId);
      else after.set(itemId, unitId);
      return after;
    });

  const dispatch = async ({ targetUnitId, note }: { targetUnitId?: number; note: string }) => {
    // With every matter given its own unit, the unit for all is only the first of them (the API wants one).
    const batchUnit = targetUnitId ?? own.get(items[0]!.id);
    if (batchUnit === undefined) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await unwrap(
        api.POST('/api/requests/dispatch-batch', {
          body: {
            targetUnitId: batchUnit,
            note: note.trim(),
            items: items.map((item) => {
              const unit = own.get(item.id);
              return { requestId: item.id, version: item.version, ...(unit !== undefined && unit !== batchUnit ? { targetUnitId: unit } : {}) };
            }),
          },
        }),
      );
      if (answer.failed === 0) {
        void message.success(`已派出 ${answer.done} 件`);
        onClose(true);
      } else setResult(answer);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      className="dispatch-modal"
      title={`派单 ${items.length} 件`}
      okText={result ? '完成' : '确定派单'}
      cancelText="取消"
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      confirmLoading={busy}
      onOk={() => (result ? onClose(result.done > 0) : form.submit())}
      onCancel={() => !busy && onClose(result !== null && result.done > 0)}
      maskClosable={false}
      width={880}
    >
      {result ? (
        <>
          <Alert type="warning" showIcon message={`已派出 ${result.done} 件，${result.failed} 件没有派出`} style={{ marginBottom: 12 }} />
          <List
            className="dispatch-failures"
            size="small"
            bordered
            dataSource={result.items.filter((item) => item.outcome === 'failed')}
            renderItem={(item) => (
              <List.Item>
                <Typography.Text strong>#{item.requestId}</Typography.Text>
                <Typography.Text type="danger">{item.message}</Typography.Text>
              </List.Item>
            )}
          />
        </>
      ) : (
        <Form form={form} layout="vertical" onFinish={(values) => void dispatch(values)} disabled={busy}>
          <Form.Item
            name="targetUnitId"
            label="派给（全部）"
            extra="下面每一件默认派给这里；个别的要派给别处，在它那一行改选"
            rules={[{ required: !everyOneHasOwn, message: '请选择承办的网格或部门' }]}
          >
            <UnitPicker tree={tree} className="dispatch-target" />
          </Form.Item>
          <Form.Item label={`逐件派给（${items.length} 件）`}>
            <List
              className="dispatch-items"
              size="small"
              bordered
              style={{ maxHeight: 320, overflowY: 'auto' }}
              dataSource={[...items]}
              renderItem={(item) => (
                <List.Item
                  className="dispatch-item"
                  data-request-id={item.id}
                  extra={
                    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
                      {own.has(item.id) && <Tag color="orange">单独指定</Tag>}
                      <span style={{ width: 340, display: 'inline-block' }}>
                        <UnitPicker
                          tree={tree}
                          className="dispatch-item-target"
                          value={own.get(item.id) ?? forAll}
                          onChange={(unitId) => choose(item.id, unitId)}
                          placeholder="同上（派给全部的单位）"
                        />
                      </span>
                    </span>
                  }
                >
                  <ItemTitle item={item} />
                </List.Item>
              )}
            />
          </Form.Item>
          <Form.Item name="note" label="派单说明" rules={[{ required: true, whitespace: true, message: '请填写派单说明' }]}>
            <Input.TextArea className="dispatch-note" rows={3} maxLength={2000} placeholder="承办单位会看到，例如：请尽快联系来电人，按时办结" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} />}
        </Form>
      )}
    </Modal>
  );
}
