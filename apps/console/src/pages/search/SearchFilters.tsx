import { UNIT_KIND_LABELS, type UnitKind } from '@gridloop/domain/dist/grid/org';
import { REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS } from '@gridloop/domain/dist/requests/categories';
import { REQUEST_STATE_LABELS, REQUEST_STATES } from '@gridloop/domain/dist/requests/request-workflow';
import { REQUEST_SOURCE_LABELS, REQUEST_SOURCES } from '@gridloop/domain/dist/requests/sources';
import { Button, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import type { SearchPlace } from './search-api';
import type { SearchQuery } from './search-params';

type Flag = 'true' | 'false';
interface FilterForm {
  q?: string;
  unitId?: number;
  state?: SearchQuery['state'];
  source?: SearchQuery['source'];
  category?: SearchQuery['category'];
  received?: [Dayjs, Dayjs];
  due?: [Dayjs, Dayjs];
  overdue?: Flag;
  supervised?: Flag;
  confidential?: Flag;
  handling?: boolean;
  dueSoon?: boolean;
  runningDueOn?: Dayjs;
}

const DAY_FORMAT = 'YYYY-MM-DD';
const flagOf = (value: boolean | undefined): Flag | undefined => (value === undefined ? undefined : value ? 'true' : 'false');
const rangeOf = (from?: string, to?: string): [Dayjs, Dayjs] | undefined => (from && to ? [dayjs(from), dayjs(to)] : undefined);

function formOf(query: SearchQuery): FilterForm {
  return {
    q: query.q,
    unitId: query.unitId,
    state: query.state,
    source: query.source,
    category: query.category,
    received: rangeOf(query.receivedFrom, query.receivedTo),
    due: rangeOf(query.dueFrom, query.dueTo),
    overdue: flagOf(query.overdue),
    supervised: flagOf(query.supervised),
    confidential: flagOf(query.confidential),
    handling: query.handling,
    dueSoon: query.dueSoon,
    runningDueOn: query.runningDueOn ? dayjs(query.runningDueOn) : undefined,
  };
}

function queryOf(form: FilterForm, keep: Pick<SearchQuery, 'sort' | 'order'>): SearchQuery {
  const flag = (value: Flag | undefined) => (value === undefined ? undefined : value === 'true');
  return {
    q: form.q?.trim() || undefined,
    unitId: form.unitId ?? undefined,
    state: form.state,
    source: form.source,
    category: form.category,
    receivedFrom: form.received?.[0].format(DAY_FORMAT),
    receivedTo: form.received?.[1].format(DAY_FORMAT),
    dueFrom: form.due?.[0].format(DAY_FORMAT),
    dueTo: form.due?.[1].format(DAY_FORMAT),
    overdue: flag(form.overdue),
    supervised: flag(form.supervised),
    confidential: flag(form.confidential),
    handling: form.handling || undefined,
    dueSoon: form.dueSoon || undefined,
    runningDueOn: form.runningDueOn?.format(DAY_FORMAT),
    ...keep,
  };
}

/**
 * The search's filter form, kept equal to the address (`query`): a search (查询, or Enter in a text
 * box) hands the new filter up, which puts it in the address; back and forward refill the form.
 */
export function SearchFilters({ query, places, onSearch }: { query: SearchQuery; places: SearchPlace[]; onSearch: (query: SearchQuery) => void }) {
  const [form] = Form.useForm<FilterForm>();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(formOf(query));
  }, [form, query]);
  // The tree in antd's simple mode: a flat list with parent ids, searchable by name.
  const tree = useMemo(
    () =>
      places.map((p) => ({ id: p.id, pId: p.parentId ?? 0, value: p.id, title: p.name, label: `${p.name} · ${UNIT_KIND_LABELS[p.kind as UnitKind] ?? ''}` })),
    [places],
  );
  const keep = { sort: query.sort, order: query.order };
  const flagSelect = (name: 'overdue' | 'supervised' | 'confidential', yes: string, no: string, placeholder: string) => (
    <Form.Item name={name} label={placeholder}>
      <Select
        className={`search-${name}`}
        allowClear
        placeholder="不限"
        options={[
          { value: 'true', label: yes },
          { value: 'false', label: no },
        ]}
      />
    </Form.Item>
  );
  // A choice of several values of one of the domain's lists, by their Chinese labels.
  const labelSelect = <T extends string>(name: 'state' | 'source' | 'category', label: string, values: readonly T[], labels: Record<T, string>) => (
    <Form.Item name={name} label={label}>
      <Select className={`search-${name}`} mode="multiple" allowClear placeholder="不限" options={values.map((v) => ({ value: v, label: labels[v] }))} />
    </Form.Item>
  );
  return (
    <Form<FilterForm> form={form} className="search-filters" layout="vertical" onFinish={(values) => onSearch(queryOf(values, keep))}>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="q" label="诉求内容">
            <Input className="search-words" allowClear placeholder="诉求内容中的字词，多个用空格隔开，回车查询" maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="unitId" label="所在地">
            <TreeSelect
              className="search-place"
              treeDataSimpleMode={{ id: 'id', pId: 'pId' }}
              treeData={tree}
              treeNodeFilterProp="title"
              treeNodeLabelProp="label"
              showSearch
              allowClear
              placeholder="镇、村、大网格、小网格，可输入名称查找"
              popupMatchSelectWidth={false}
              listHeight={360}
            />
          </Form.Item>
        </Col>
        <Col span={8}>{labelSelect('state', '状态', REQUEST_STATES, REQUEST_STATE_LABELS)}</Col>
        <Col span={4}>{labelSelect('source', '来源', REQUEST_SOURCES, REQUEST_SOURCE_LABELS)}</Col>
        <Col span={4}>{labelSelect('category', '类别', REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS)}</Col>
        <Col span={5}>
          <Form.Item name="received" label="收到日期">
            <DatePicker.RangePicker className="search-received" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="due" label="时限日期">
            <DatePicker.RangePicker className="search-due" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={2}>{flagSelect('overdue', '已超时', '未超时', '超时')}</Col>
        <Col span={2}>{flagSelect('supervised', '已督办', '未督办', '督办')}</Col>
        <Col span={2}>{flagSelect('confidential', '保密', '不保密', '保密')}</Col>
        <Col span={4}>
          <Form.Item
            name="runningDueOn"
            label="当前时限截止于"
            tooltip="办理中的诉求，正在计时的时限（联系或办结，12345 工单取较早的市时限）在这一天到期，已过的也算"
          >
            <DatePicker className="search-running-due" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="只看">
            <Space>
              <Form.Item name="handling" valuePropName="checked" noStyle>
                <Checkbox className="search-handling">我的待办</Checkbox>
              </Form.Item>
              <Form.Item name="dueSoon" valuePropName="checked" noStyle>
                <Checkbox className="search-due-soon">即将超时</Checkbox>
              </Form.Item>
            </Space>
          </Form.Item>
        </Col>
      </Row>
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" htmlType="submit" className="search-submit">
          查询
        </Button>
        <Button className="search-reset" onClick={() => onSearch(keep)}>
          重置
        </Button>
      </Space>
    </Form>
  );
}
