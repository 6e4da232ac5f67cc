import { Alert, App, Form, Input, List, Modal, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { messageOf, unwrap } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { useLoad } from '../../../lib/use-load';
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

/**
 * 派单 for the selected matters: a unit from the town's tree (searchable by name), and the note the
 * handlers read; one dispatchBatch call, each matter a transfer of its own. What failed stays open
 * here with its reason, matter by matter; the rest have left the queue.
 */
export function DispatchModal({ town, items, onClose }: { town: UnitRef; items: readonly RequestListItem[]; onClose: (changed: boolean) => void }) {
  const tree = useLoad(() => loadUnitTree(town), town.id);
  const [form] = Form.useForm<{ targetUnitId: number; note: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<BatchResult | null>(null);
  const { message } = App.useApp();

  const dispatch = async ({ targetUnitId, note }: { targetUnitId: number; note: string }) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await unwrap(
        api.POST('/api/requests/dispatch-batch', {
          body: { targetUnitId, note: note.trim(), items: items.map((item) => ({ requestId: item.id, version: item.version })) },
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
      width={640}
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
          <Form.Item name="targetUnitId" label="派给" rules={[{ required: true, message: '请选择承办的网格或部门' }]}>
            <TreeSelect
              // Mounted anew once the tree is there: the search expands what it finds only for the data it had when typed.
              key={tree.state}
              disabled={tree.state !== 'ready'}
              className="dispatch-target"
              showSearch
              allowClear
              placeholder={tree.state === 'loading' ? '正在加载全镇的村、网格和部门…' : '输入名称搜索，或逐级展开选择'}
              loading={tree.state === 'loading'}
              treeData={tree.state === 'ready' ? treeData(tree.data) : []}
              treeNodeFilterProp="name"
              treeNodeLabelProp="path"
              listHeight={400}
              notFoundContent={tree.state === 'failed' ? tree.message : '没有名称相符的单位'}
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
