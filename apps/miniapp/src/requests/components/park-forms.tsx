import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { ActionForm } from './action-form';

/** "2027年3月31日": a plan date (YYYY-MM-DD) as people read it. */
export function planDateText(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

/** A plan date on the system's date picker, from `start` on (today: a date already past is refused). */
function PlanDatePicker({ start, value, onChange }: { start: string; value: string | null; onChange(day: string): void }) {
  return (
    <Picker mode="date" value={value ?? start} start={start} onChange={(event) => onChange(String(event.detail.value))}>
      <View className={`form-picker park-date ${value ? '' : 'form-picker--empty'}`}>
        <Text>{value ? planDateText(value) : '选择日期'}</Text>
      </View>
    </Picker>
  );
}

/**
 * 申请挂账 (the handler): a matter that needs works, a season or another authority. The plan date
 * and the reason, which the requester reads once it is approved.
 */
export function ParkAskForm({
  today,
  busy,
  onAsk,
  onCancel,
}: {
  today: string;
  busy: boolean;
  onAsk(planDay: string, reason: string): void;
  onCancel(): void;
}) {
  const [day, setDay] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  return (
    <ActionForm
      action="requestPark"
      title="申请挂账"
      confirmText="提交挂账申请"
      noteLabel="挂账理由"
      notePlaceholder="需要施工、等季节或上级部门协调等，为什么现在办不了（批准后群众能看到）"
      busy={busy}
      onCancel={onCancel}
      onSubmit={(values) => {
        if (!day) return setMissing(true);
        onAsk(day, values.note);
      }}
      className="park-ask-form"
    >
      <View className="form-field">
        <Text className="form-label">计划办结日期</Text>
        <PlanDatePicker
          start={today}
          value={day}
          onChange={(chosen) => {
            setDay(chosen);
            setMissing(false);
          }}
        />
        {missing && <Text className="form-error park-date-missing">请选择计划办结日期</Text>}
      </View>
    </ActionForm>
  );
}

/** 批准挂账 (the approver): the plan date asked, or another. */
export function ParkApproveForm({
  asked,
  today,
  busy,
  onApprove,
  onCancel,
}: {
  asked: string;
  today: string;
  busy: boolean;
  onApprove(planDay: string, note: string): void;
  onCancel(): void;
}) {
  const [day, setDay] = useState(asked);
  return (
    <ActionForm
      action="approvePark"
      title="批准挂账"
      confirmText={`批准挂账到${planDateText(day)}`}
      noteLabel="告诉群众的理由"
      notePlaceholder="不填就用承办人的挂账理由"
      busy={busy}
      onCancel={onCancel}
      onSubmit={(values) => onApprove(day, values.note)}
      className="park-approve-form"
    >
      <View className="form-field">
        <Text className="form-label">计划办结日期（可以改）</Text>
        <PlanDatePicker start={today} value={day} onChange={setDay} />
      </View>
    </ActionForm>
  );
}
