import { complexityNeedsReason, CONTACT_METHOD_LABELS, CONTACT_METHODS, proposedComplexity } from '@gridloop/domain/dist/requests/acceptance';
import type { ActionField, ActionFieldName } from '@gridloop/domain/dist/requests/request-workflow';
import { RATING_LABELS, RATINGS, type Rating } from '@gridloop/domain/dist/requests/ratings';
import { DEFAULT_REFUSAL_RULES, REFERRING_REASONS, REJECT_REASON_LABELS, type RejectReason } from '@gridloop/domain/dist/requests/refusals';
import { RETURN_VISIT_METHOD_LABELS, RETURN_VISIT_METHODS, settledReturnVisit, type ReturnVisitMethod } from '@gridloop/domain/dist/requests/return-visits';
import { COMPLEXITIES, COMPLEXITY_LABELS } from '@gridloop/domain/dist/requests/sla';
import { TRANSFER_TARGET_KINDS } from '@gridloop/domain/dist/requests/transfer-scope';
import { UNIT_KIND_LABELS, type UnitKind } from '@gridloop/domain/dist/grid/org';
import { AutoComplete, Form, Input, InputNumber, Radio, Select, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { messageOf, unwrap } from '../api/errors';
import { duplicatesOf, type RequestView } from './request-api';

/** What each field of the workflow table's `fields` column is called on a form. */
export const FIELD_LABELS: Record<ActionFieldName, string> = {
  contactMethod: '联系方式',
  complexity: '办理难度',
  targetUnitId: '转给',
  targetRequestId: '并入哪件诉求',
  extensionDays: '延长工作日',
  visitMethod: '回访方式',
  visitReached: '联系上了吗',
  visitHeard: '群众怎么说',
  rejectReason: '不予受理理由',
  referTo: '建议群众去哪里反映',
  parkUntil: '计划办结日期',
};

/** A field's first value: the row's default, else the category's proposed complexity or the days the handler asked for. */
export function initialValue(field: ActionField, request: RequestView): unknown {
  if (field.default !== undefined) return field.default;
  if (field.name === 'complexity') return proposedComplexity(request.category);
  if (field.name === 'extensionDays') return request.extensionAskedDays ?? undefined;
  return undefined;
}

/** The form's values as the step's body; a return visit's made to hold together by the domain's settledReturnVisit. */
export function fieldValues(fields: readonly ActionField[], values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) if (values[field.name] !== undefined && values[field.name] !== null) body[field.name] = values[field.name];
  if (body.visitMethod === undefined) return body;
  const visit = settledReturnVisit(body.visitMethod as ReturnVisitMethod, body.visitReached === true, (body.visitHeard as Rating | undefined) ?? null);
  const { visitHeard: _heard, ...rest } = body;
  return { ...rest, visitReached: visit.reached, ...(visit.heard ? { visitHeard: visit.heard } : {}) };
}

/** Whether the note is required besides the row's noteRequired: a complexity other than the category's proposal needs a reason. */
export function noteNeededBy(values: Record<string, unknown>, request: RequestView): boolean {
  const complexity = values.complexity;
  return (complexity === 'simple' || complexity === 'complex') && complexityNeedsReason(request.category, complexity);
}

interface UnitNode {
  id: number;
  pId: number;
  value: number;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}

/** The units under `parentId` as tree nodes: the transfer target kinds may be chosen, the rest only opened. */
async function unitNodes(parentId: number): Promise<UnitNode[]> {
  const children = await unwrap(api.GET('/api/public/units/{unitId}/children', { params: { path: { unitId: parentId } } }));
  return children.map((unit) => ({
    id: unit.id,
    pId: parentId,
    value: unit.id,
    title: `${unit.name}（${UNIT_KIND_LABELS[unit.kind as UnitKind] ?? ''}）`,
    isLeaf: unit.kind === 'small_grid' || unit.kind === 'department' || unit.kind === 'hotline_office',
    selectable: TRANSFER_TARGET_KINDS.includes(unit.kind),
  }));
}

/** 转给: a tree of the towns, opened level by level, with search over what is open. */
function UnitTreeSelect({ value, onChange }: { value?: number; onChange?: (value: number) => void }) {
  const [nodes, setNodes] = useState<UnitNode[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(api.GET('/api/public/towns', { params: { query: { limit: 50 } } })).then(
      (towns) => live && setNodes(towns.map((town) => ({ id: town.id, pId: 0, value: town.id, title: town.name, isLeaf: false, selectable: false }))),
      (failure: unknown) => live && setError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <TreeSelect<number>
      className="action-field-targetUnitId"
      treeDataSimpleMode
      treeData={nodes}
      value={value}
      onChange={onChange}
      showSearch
      treeNodeFilterProp="title"
      placeholder={error ?? '选择小网格、村、镇直部门或热线办'}
      status={error ? 'error' : undefined}
      loadData={async (node) => {
        const id = Number(node.value);
        if (nodes.some((known) => known.pId === id)) return;
        const more = await unitNodes(id);
        setNodes((current) => [...current, ...more]);
      }}
    />
  );
}

/** 并入哪件诉求: the open matters of the same grid that look like this one. */
function DuplicateSelect({ request, value, onChange }: { request: RequestView; value?: number; onChange?: (value: number) => void }) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    duplicatesOf(request.id).then(
      (found) => live && setOptions(found.map((other) => ({ value: other.id, label: `#${other.id} ${other.description}` }))),
      (failure: unknown) => live && setError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
  }, [request.id]);
  return (
    <Select<number>
      className="action-field-targetRequestId"
      value={value}
      onChange={onChange}
      options={options}
      placeholder={error ?? (options.length ? '选择一件' : '同网格里没有相似的诉求')}
      status={error ? 'error' : undefined}
    />
  );
}

/** One field of a step's form, from the workflow table's `fields` column. */
export function ActionFieldItem({ field, request }: { field: ActionField; request: RequestView }) {
  const label = FIELD_LABELS[field.name];
  const rules = field.required ? [{ required: true, message: `请选择或填写${label}` }] : [];
  const input = (() => {
    switch (field.name) {
      case 'contactMethod':
        return <Radio.Group options={CONTACT_METHODS.map((method) => ({ value: method, label: CONTACT_METHOD_LABELS[method] }))} />;
      case 'complexity':
        return <Radio.Group options={COMPLEXITIES.map((complexity) => ({ value: complexity, label: COMPLEXITY_LABELS[complexity] }))} />;
      case 'targetUnitId':
        return <UnitTreeSelect />;
      case 'targetRequestId':
        return <DuplicateSelect request={request} />;
      case 'extensionDays':
        return <InputNumber min={1} precision={0} addonAfter="个工作日" />;
      case 'visitMethod':
        return <Radio.Group options={RETURN_VISIT_METHODS.map((method) => ({ value: method, label: RETURN_VISIT_METHOD_LABELS[method] }))} />;
      case 'visitReached':
        return (
          <Radio.Group
            options={[
              { value: true, label: '联系上了' },
              { value: false, label: '没联系上' },
            ]}
          />
        );
      case 'visitHeard':
        return <Radio.Group options={RATINGS.map((rating) => ({ value: rating, label: RATING_LABELS[rating] }))} />;
      case 'rejectReason':
        return <Radio.Group options={DEFAULT_REFUSAL_RULES.rejectReasons.map((reason) => ({ value: reason, label: REJECT_REASON_LABELS[reason] }))} />;
      case 'referTo':
        // The county's usual places; any other may be typed (法院, 劳动仲裁, a city department…).
        return (
          <AutoComplete
            options={DEFAULT_REFUSAL_RULES.referralPlaces.map((place) => ({ value: place }))}
            placeholder="如：人民法院、劳动人事争议仲裁委员会"
            maxLength={100}
          />
        );
      case 'parkUntil':
        // 挂账's plan date as YYYY-MM-DD; left empty on 批准挂账, the date asked stands.
        return <Input type="date" placeholder={field.required ? undefined : '不填则按申请的日期'} />;
    }
  })();
  // Asked only when it can be answered: reached only after a visit, heard only from one reached,
  // where to go only when the refusal sends the requester elsewhere (不属于本单位职责).
  const askedWhen =
    field.name === 'visitReached' ? 'visitMethod' : field.name === 'visitHeard' ? 'visitReached' : field.name === 'referTo' ? 'rejectReason' : null;
  if (askedWhen)
    return (
      <Form.Item noStyle dependencies={[askedWhen]}>
        {({ getFieldValue }) => {
          const before: unknown = getFieldValue(askedWhen);
          if (before === 'none' || before === false) return null;
          const refers = field.name === 'referTo' && REFERRING_REASONS.includes(before as RejectReason);
          if (field.name === 'referTo' && !refers) return null;
          return (
            <Form.Item
              name={field.name}
              label={label}
              rules={refers ? [{ required: true, whitespace: true, message: '请写明群众应该去哪里反映' }] : rules}
              preserve={!refers}
              className={`action-field action-field-${field.name}`}
            >
              {input}
            </Form.Item>
          );
        }}
      </Form.Item>
    );
  return (
    <Form.Item name={field.name} label={label} rules={rules} className={`action-field action-field-${field.name}`}>
      {input}
    </Form.Item>
  );
}
