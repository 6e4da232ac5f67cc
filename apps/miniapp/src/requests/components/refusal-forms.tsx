import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { DEFAULT_REFUSAL_RULES, REFERRING_REASONS, REJECT_REASON_LABELS, type RejectReason } from '@gridloop/domain/dist/requests/refusals';
import { Input } from '../../components/nutui-forms';
import { ActionForm } from './action-form';

export interface RejectValues {
  rejectReason: RejectReason;
  referTo?: string;
  note: string;
}

/**
 * 不予受理: the reason from the list (the workflow row's rejectReason field) and, for 不属于本单位职责,
 * where the requester should go (referTo: one of the usual places, or typed), which she reads on
 * her timeline; then the note.
 */
export function RejectForm({ busy, onSubmit, onCancel }: { busy: boolean; onSubmit(values: RejectValues): void; onCancel(): void }) {
  const [reason, setReason] = useState<RejectReason>(DEFAULT_REFUSAL_RULES.rejectReasons[0]!);
  const [referTo, setReferTo] = useState('');
  const [missing, setMissing] = useState(false);
  const refers = REFERRING_REASONS.includes(reason);
  return (
    <ActionForm
      action="reject"
      title="不予受理"
      confirmText="确认不予受理"
      tone="warning"
      noteLabel="说明"
      notePlaceholder="向群众说明为什么不予受理"
      busy={busy}
      onCancel={onCancel}
      onSubmit={(values) => {
        if (refers && !referTo.trim()) {
          setMissing(true);
          return;
        }
        onSubmit({ rejectReason: reason, ...(refers ? { referTo: referTo.trim() } : {}), note: values.note });
      }}
      className="reject-form"
    >
      <View className="form-field">
        <Text className="form-label">理由</Text>
        <View className="chips">
          {DEFAULT_REFUSAL_RULES.rejectReasons.map((key) => (
            <View key={key} className={`chip reject-reason ${reason === key ? 'chip--on' : ''}`} onClick={() => setReason(key)}>
              <Text className="chip-text">{REJECT_REASON_LABELS[key]}</Text>
            </View>
          ))}
        </View>
      </View>
      {refers && (
        <View className="form-field">
          <Text className="form-label">建议群众去哪里反映</Text>
          <View className="chips">
            {DEFAULT_REFUSAL_RULES.referralPlaces.map((place) => (
              <View
                key={place}
                className={`chip refer-place ${referTo === place ? 'chip--on' : ''}`}
                onClick={() => {
                  setReferTo(place);
                  setMissing(false);
                }}
              >
                <Text className="chip-text">{place}</Text>
              </View>
            ))}
          </View>
          <Input
            className="form-input refer-to"
            value={referTo}
            onChange={(value) => {
              setReferTo(value);
              if (value.trim()) setMissing(false);
            }}
            placeholder="也可以直接填写，如：县劳动人事争议仲裁委员会"
            maxLength={100}
          />
          {missing && <Text className="form-error">请写明群众应该去哪里反映</Text>}
        </View>
      )}
    </ActionForm>
  );
}
