import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { RATING_LABELS, RATINGS, type Rating } from '@gridloop/domain/dist/requests/ratings';
import {
  DEFAULT_RETURN_VISIT,
  RETURN_VISIT_METHOD_LABELS,
  RETURN_VISIT_METHODS,
  settledReturnVisit,
  visitReopens,
  type ReturnVisitMethod,
} from '@gridloop/domain/dist/requests/return-visits';
import { ActionForm } from './action-form';

export interface ReturnVisitValues {
  visitMethod: ReturnVisitMethod;
  visitReached: boolean;
  visitHeard?: Rating;
  note?: string;
}

function Chips<T extends string>({
  options,
  value,
  onChange,
  className,
}: {
  options: readonly [T, string][];
  value: T;
  onChange(value: T): void;
  className: string;
}) {
  return (
    <View className="chips">
      {options.map(([key, label]) => (
        <View key={key} className={`chip ${className} ${value === key ? 'chip--on' : ''}`} onClick={() => onChange(key)}>
          <Text className="chip-text">{label}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 回访 (and 回看并关闭): how the requester was reached and what they said, starting on the common
 * case (电话回访, 已联系上, 满意), so the usual close is the confirm alone. Not reached, nothing is
 * heard; 不满意 sends the matter back to work, which the confirm button says.
 */
export function ReturnVisitForm({
  action,
  busy,
  onSubmit,
  onCancel,
}: {
  action: 'lookBackClose' | 'returnVisit';
  busy: boolean;
  /** `reopens`: what was heard sends the matter back to work (the domain's visitReopens). */
  onSubmit(values: ReturnVisitValues, reopens: boolean): void;
  onCancel(): void;
}) {
  const [method, setMethod] = useState<ReturnVisitMethod>(DEFAULT_RETURN_VISIT.method);
  const [reached, setReached] = useState(DEFAULT_RETURN_VISIT.reached);
  const [heard, setHeard] = useState<Rating>(DEFAULT_RETURN_VISIT.heard ?? 'satisfied');
  const called = method !== 'none';
  const visit = settledReturnVisit(method, reached, heard);
  const reopens = visitReopens(visit);
  const confirmText = reopens ? '确认，退回重新办理' : action === 'lookBackClose' ? '确认回看并关闭' : '确认回访';
  return (
    <ActionForm
      action={action}
      title={action === 'lookBackClose' ? '回看并关闭' : '回访'}
      confirmText={confirmText}
      tone={reopens ? 'warning' : 'primary'}
      noteLabel="回访情况"
      notePlaceholder="例如：群众说路灯已经亮了"
      busy={busy}
      onCancel={onCancel}
      onSubmit={(values) =>
        onSubmit(
          {
            visitMethod: visit.method,
            visitReached: visit.reached,
            ...(visit.heard ? { visitHeard: visit.heard } : {}),
            ...(values.note ? { note: values.note } : {}),
          },
          reopens,
        )
      }
      className="return-visit-form"
    >
      <View className="form-field">
        <Text className="form-label">回访方式</Text>
        <Chips<ReturnVisitMethod>
          options={RETURN_VISIT_METHODS.map((m) => [m, RETURN_VISIT_METHOD_LABELS[m]] as [ReturnVisitMethod, string])}
          value={method}
          onChange={setMethod}
          className="visit-method"
        />
      </View>
      {called && (
        <View className="form-field">
          <Text className="form-label">联系上群众了吗</Text>
          <Chips<'yes' | 'no'>
            options={[
              ['yes', '已联系上'],
              ['no', '未联系上'],
            ]}
            value={reached ? 'yes' : 'no'}
            onChange={(value) => setReached(value === 'yes')}
            className="visit-reached"
          />
        </View>
      )}
      {visit.reached && (
        <View className="form-field">
          <Text className="form-label">群众怎么说</Text>
          <Chips<Rating> options={RATINGS.map((r) => [r, RATING_LABELS[r]] as [Rating, string])} value={heard} onChange={setHeard} className="visit-heard" />
        </View>
      )}
    </ActionForm>
  );
}
