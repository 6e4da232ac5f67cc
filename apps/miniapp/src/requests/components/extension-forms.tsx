import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { DEFAULT_EXTENSION_RULES } from '@gridloop/domain/dist/requests/extensions';
import { ActionForm } from './action-form';

/** 1…n as chips, one on: how many working days. */
function DayChips({ most, days, onChange }: { most: number; days: number; onChange(days: number): void }) {
  return (
    <View className="chips">
      {Array.from({ length: most }, (_, index) => index + 1).map((n) => (
        <View key={n} className={`chip extension-days ${days === n ? 'chip--on' : ''}`} onClick={() => onChange(n)}>
          <Text className="chip-text">{n}个工作日</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 申请延期 (the handler): the working days wanted and the reason, which the requester reads if it
 * is approved. The town may allow fewer days than the default most; the API then says so.
 */
export function ExtensionAskForm({ busy, onAsk, onCancel }: { busy: boolean; onAsk(days: number, reason: string): void; onCancel(): void }) {
  const [days, setDays] = useState(1);
  return (
    <ActionForm
      action="requestExtension"
      title="申请延期"
      confirmText="提交延期申请"
      noteLabel="延期理由"
      notePlaceholder="为什么不能按期办好（批准后群众能看到）"
      busy={busy}
      onCancel={onCancel}
      onSubmit={(values) => onAsk(days, values.note)}
      className="extension-ask-form"
    >
      <View className="form-field">
        <Text className="form-label">延长几个工作日</Text>
        <DayChips most={DEFAULT_EXTENSION_RULES.maxDays} days={days} onChange={setDays} />
      </View>
    </ActionForm>
  );
}

/** 批准延期 (the approver): all the days asked, or fewer. */
export function ExtensionApproveForm({
  asked,
  busy,
  onApprove,
  onCancel,
}: {
  asked: number;
  busy: boolean;
  onApprove(days: number, note: string): void;
  onCancel(): void;
}) {
  const [days, setDays] = useState(asked);
  return (
    <ActionForm
      action="approveExtension"
      title="批准延期"
      confirmText={`批准延期${days}个工作日`}
      noteLabel="告诉群众的理由"
      notePlaceholder="不填就用承办人的延期理由"
      busy={busy}
      onCancel={onCancel}
      onSubmit={(values) => onApprove(days, values.note)}
      className="extension-approve-form"
    >
      <View className="form-field">
        <Text className="form-label">批准几个工作日（可以少于申请的）</Text>
        <DayChips most={asked} days={days} onChange={setDays} />
      </View>
    </ActionForm>
  );
}
